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
    llm_status: z
      .object({
        state: z.enum(["ok", "failing", "unknown"]),
        last_outcome: z.string().nullable().meta({ description: "ok, or the last fallback reason code" }),
        last_stage: z.enum(["requirements", "summary"]).nullable(),
        last_status: z.number().int().nullable().meta({ description: "provider HTTP status of the last failure" }),
        last_at: z.string().nullable(),
        consecutive_failures: z.number().int(),
        resumes_at: z.string().nullable().meta({ description: "while the circuit breaker or a Retry-After holds LLM calls" }),
      })
      .optional()
      .meta({ description: "the LLM's last outcome, from memory (never calls the LLM)" }),
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
