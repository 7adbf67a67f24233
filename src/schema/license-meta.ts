// The shape of one `licenses/<id>.yaml` file: metadata and restriction facts authored by us (no license text).
import { z } from 'zod'
import { RestrictionKindSchema } from './findings.js'

/** How open a license is, from most to least permissive; used to rank a declaration against what governs. */
export const OpennessSchema = z.enum([
  'public-domain',
  'permissive',
  'weak-copyleft',
  'copyleft',
  'open-restricted', // open weights with use restrictions (RAIL, Llama, Gemma, Qwen, ...)
  'non-commercial',
  'research-only',
  'proprietary',
])
export type Openness = z.infer<typeof OpennessSchema>

export const RestrictionFactSchema = z.object({
  kind: RestrictionKindSchema,
  parameters: z.record(z.string(), z.unknown()).default({}),
  /** One plain sentence, quoting the figure where there is one. */
  reason: z.string(),
  /** The section of the license the fact comes from (as printed). */
  section: z.string().optional(),
})
export type RestrictionFact = z.infer<typeof RestrictionFactSchema>

export const LicenseMetaSchema = z
  .object({
    /** Manifest id (`llama-3.1-community`) or SPDX id (`CC-BY-NC-4.0`); equals the file name. */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/),
    /** SPDX id when SPDX lists the license. */
    spdxId: z.string().optional(),
    name: z.string(),
    version: z.string().optional(),
    family: z.string(),
    /** Group id from groups.json, when the license belongs to a versioned family. */
    group: z.string().optional(),
    openness: OpennessSchema,
    /** Hugging Face hub `license:` identifiers that denote this license. */
    hfHubIds: z.array(z.string()).default([]),
    /** ScanCode license keys. */
    scancodeKeys: z.array(z.string()).default([]),
    /** Common names and `license_name` values seen in the wild (matched case- and punctuation-insensitively). */
    aliases: z.array(z.string()).default([]),
    /**
     * Names that denote the whole group rather than this version ("Gemma Terms of Use", `nvidia-open-model-license`);
     * written on one member, compiled into the group. Requires `group`.
     */
    groupAliases: z.array(z.string()).optional(),
    /** URLs by which the license is referenced (scheme and trailing slash ignored when matching). */
    urls: z.array(z.string()).default([]),
    /**
     * Phrases that must appear in a full text for it to be this license rather than a near-clone. Compared as
     * `tokenize()` word sequences, so case, punctuation and white space do not matter ("Date: July 23, 2024").
     */
    keyPhrases: z.array(z.string()).default([]),
    /** Policies (by id) this license incorporates by reference, e.g. an acceptable-use policy. */
    incorporates: z.array(z.string()).default([]),
    /** Whether derivatives (fine-tunes, quantizations, merges) stay under this license. */
    bindsDerivatives: z.boolean().default(false),
    /** Glob patterns of Hugging Face repositories known to be published under this license (`meta-llama/Llama-3.1-*`). */
    models: z.array(z.string()).default([]),
    /**
     * Set when the `models` are governed by whichever version of the group is current (Gemma: the latest terms
     * apply to every Gemma model), so a repository resolves to the group id rather than to this version.
     */
    modelsUnderGroup: z.boolean().optional(),
    /** Restriction facts, reported when a file only references this license. */
    restrictions: z.array(RestrictionFactSchema).default([]),
    notes: z.string().optional(),
  })
  .strict()
export type LicenseMeta = z.infer<typeof LicenseMetaSchema>
