// Positions and evidence, unist-style: 1-based line/column, 0-based UTF-16 offsets into the original input.
import { z } from 'zod'

export const PointSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0),
})
export type Point = z.infer<typeof PointSchema>

export const PositionSchema = z.object({
  start: PointSchema,
  end: PointSchema,
})
export type Position = z.infer<typeof PositionSchema>

/** A quoted piece of the input: `text === source.slice(position.start.offset, position.end.offset)`. */
export const EvidenceSchema = z.object({
  position: PositionSchema,
  text: z.string(),
})
export type Evidence = z.infer<typeof EvidenceSchema>
