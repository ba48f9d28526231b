import { z } from "zod";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "bad_request" }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), issue: z.string() })),
    }),
  })
  .meta({ id: "Error" });

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.enum(["pglite", "postgres"]),
    llm: z.string().meta({ description: "openai:<model> or offline" }),
    embeddings: z.string().meta({ description: "embedding provider, or none" }),
    catalog: z
      .object({
        instances: z.number().int(),
        packages: z.number().int(),
        models: z.number().int(),
        card_chunks: z.number().int(),
      })
      .passthrough(),
    seeding: z.boolean().optional(),
  })
  .passthrough()
  .meta({ id: "Health" });
