import { z } from "zod";

/** Extensions saying which engine did what, and why the LLM fell back (reason codes only). */
const engineSchema = z.enum(["llm", "offline"]);

export const engineLabelsSchema = z
  .object({
    requirements: engineSchema.describe("who produced the spec"),
    summary: engineSchema.describe("who wrote the summary prose"),
  })
  .describe("EngineLabels");

export const engineNotesSchema = z
  .array(z.string())
  .describe("LLM fallback reason codes, `<stage>:<reason>` (e.g. `summary:ungrounded_number`, `requirements:rate_limited`)");
