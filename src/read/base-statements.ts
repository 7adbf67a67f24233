// Finds the model a card says, in words, it was made from ("quantized version of org/model").
export interface BaseStatement {
  /** The Hub id named (`nvidia/AceReason-Nemotron-1.1-7B`). */
  id: string
  relation: 'quantized' | 'finetune'
  /** `[start, end)` of the id in the text given. */
  start: number
  end: number
}

// A card naming the model it was made from, on one line. Example matches:
// "This is quantized version of [nvidia/Some-Model](https://huggingface.co/nvidia/Some-Model)",
// "converted to GGUF format from [`org/model`]", "Original model: https://huggingface.co/org/model".
const BASE_STATEMENT =
  /\b(quantized version of|quantizations? of|converted to gguf format from|gguf (?:format )?(?:model files|quants?) (?:for|of)|fine-?tuned version of|fine-?tuned from|original model)\b[^\r\n]{0,200}?(?:https?:\/\/huggingface\.co\/|[[`])([A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95})/gi

/**
 * Find the base a card names in words, for cards without `base_model` metadata.
 *
 * @param text - the card body.
 * @param max - how many distinct ids to return (default 3).
 * @returns ids with their relation and offsets into `text`.
 */
export function findBaseStatements(text: string, max = 3): BaseStatement[] {
  const out: BaseStatement[] = []
  BASE_STATEMENT.lastIndex = 0
  for (let m = BASE_STATEMENT.exec(text); m && out.length < max; m = BASE_STATEMENT.exec(text)) {
    const id = m[2].replace(/\.(?:git|md)$/i, '').replace(/[.-]+$/, '')
    if (out.some((o) => o.id.toLowerCase() === id.toLowerCase())) continue
    const start = m.index + m[0].length - m[2].length
    out.push({ id, relation: /fine-?tuned/i.test(m[1]) ? 'finetune' : 'quantized', start, end: start + id.length })
  }
  return out
}
