import { generateText, Output, type ModelMessage } from "ai";
import { z } from "zod";
import { clarificationQuestionSchema, workloadSpecSchema, type Clarification, type WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { LlmEngine } from "./provider";
import { REQUIREMENTS_SYSTEM } from "./prompts";

export const llmRequirementsSchema = z.object({
  spec: workloadSpecSchema,
  needs_clarification: z.boolean(),
  questions: z.array(clarificationQuestionSchema).max(3),
  assumptions: z.array(z.string()).max(12),
});

export type LlmRequirements = { spec: WorkloadSpec; clarification: Clarification | null; assumptions: string[] };

export interface ChatTurnForLlm {
  role: "user" | "assistant";
  content: string;
}

/**
 * Agent 1 on the LLM: structured output against the zod schema at temperature 0.1. Invalid output
 * is retried once; a second failure (or a provider error/timeout) throws, and the caller falls
 * back to the offline engine.
 */
export async function llmRequirements(engine: LlmEngine, turns: ChatTurnForLlm[]): Promise<LlmRequirements> {
  const messages: ModelMessage[] = turns.map((t) => ({ role: t.role, content: t.content }));
  let lastError: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const { output } = await generateText({
        model: engine.model,
        temperature: 0.1,
        system: REQUIREMENTS_SYSTEM,
        messages,
        output: Output.object({ schema: llmRequirementsSchema }),
        maxRetries: 0,
        abortSignal: AbortSignal.timeout(engine.timeoutMs),
      });
      const parsed = llmRequirementsSchema.parse(output);
      const questions = parsed.needs_clarification ? parsed.questions.filter((q) => q.question.trim()) : [];
      return {
        spec: parsed.spec,
        clarification: questions.length ? { questions: questions.slice(0, 3) } : null,
        assumptions: parsed.assumptions,
      };
    } catch (err) {
      lastError = err;
      if (!isOutputError(err)) break; // provider errors and timeouts are not retried here
    }
  }
  throw lastError;
}

function isOutputError(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? "";
  return /NoObjectGenerated|NoOutputGenerated|ZodError|TypeValidation|JSONParse/.test(name) || err instanceof z.ZodError;
}
