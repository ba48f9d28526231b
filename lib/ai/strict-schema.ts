import { z } from "zod";

/**
 * The same object schema in the shape OpenAI's strict structured outputs accept: every property
 * required, an optional one becomes nullable (`null` = unknown), nested objects and lists of objects likewise. Checks
 * (enums, positive numbers, max items) are kept; the answer is validated again against the
 * original schema after nulls are dropped (`dropNulls`).
 */
export function strictNullable<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<z.ZodRawShape> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const optional = field instanceof z.ZodOptional;
    const inner = (optional ? (field as z.ZodOptional<z.ZodType>).unwrap() : field) as z.ZodType;
    // Objects, and lists of objects (components[]), are made strict all the way down.
    const element = inner instanceof z.ZodArray ? (inner as z.ZodArray<z.ZodType>).element : null;
    const strictInner =
      inner instanceof z.ZodObject ? strictNullable(inner)
        : element instanceof z.ZodObject ? z.array(strictNullable(element as z.ZodObject<z.ZodRawShape>))
          : inner;
    shape[key] = optional ? strictInner.nullable() : strictInner;
  }
  const out = z.object(shape).strict();
  return schema.description ? out.describe(schema.description) : out;
}
