import { generateText, Output, type ModelMessage } from "ai";
import { z } from "zod";
import { clarificationQuestionSchema, workloadSpecSchema, type Clarification, type WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { LlmEngine } from "./provider";
import { REQUIREMENTS_SYSTEM, repairPrompt } from "./prompts";
import { dropNulls, extractJsonObject } from "./json-text";
import { strictNullable } from "./strict-schema";
import { LlmFallback } from "./llm-failure";
import { requirementsContext, type ChatTurnForLlm } from "./requirements-context";

export type { ChatTurnForLlm };

/** The answer as validated: the contract's WorkloadSpec; absent lists mean none. */
export const llmRequirementsSchema = z.object({
  spec: workloadSpecSchema.default({}),
  needs_clarification: z.boolean().default(false),
  questions: z.array(clarificationQuestionSchema).max(3).default([]),
  assumptions: z.array(z.string()).max(12).default([]),
});

/**
 * The schema sent in `response_format`: the same fields in the shape OpenAI's strict mode
 * accepts (every property required, `null` for unknown), so `strict: true` stays on.
 */
export const llmRequirementsWireSchema = z
  .object({
    spec: strictNullable(workloadSpecSchema),
    needs_clarification: z.boolean(),
    questions: z.array(clarificationQuestionSchema.strict()).max(3),
    assumptions: z.array(z.string()).max(12),
  })
  .strict();

export type LlmRequirements = { spec: WorkloadSpec; clarification: Clarification | null; assumptions: string[] };

/**
 * The answer's text as it came: parsing is done here, tolerantly (fences, prose, nulls), so a
 * server that ignores `response_format` is still understood.
 */
const rawJsonOutput = () => {
  const base = Output.object({ schema: llmRequirementsWireSchema, name: "requirements" });
  return { ...base, parseCompleteOutput: async ({ text }: { text: string }) => text, parsePartialOutput: async () => undefined };
};

type Parsed = { ok: true; value: z.output<typeof llmRequirementsSchema> } | { ok: false; problem: string };

/** Tolerant read of one answer: JSON from fences or prose, null = unknown, then the contract's schema. */
export function parseRequirementsAnswer(text: string): Parsed {
  let json: unknown;
  try {
    json = extractJsonObject(text);
  } catch {
    return { ok: false, problem: "The answer contained no JSON object." };
  }
  const r = llmRequirementsSchema.safeParse(dropNulls(json));
  if (r.success) return { ok: true, value: r.data };
  const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  return { ok: false, problem: `The JSON did not match the schema: ${issues.join("; ")}.` };
}

/**
 * Agent 1 on the LLM, at temperature 0.1, within the turn's abort signal. An unusable answer gets
 * one repair attempt with the validation problem in the prompt; a second one throws
 * `invalid_output`, and provider errors propagate (the caller classifies them and falls back).
 */
export async function llmRequirements(engine: LlmEngine, turns: ChatTurnForLlm[], signal?: AbortSignal): Promise<LlmRequirements> {
  const messages: ModelMessage[] = [{ role: "user", content: requirementsContext(turns) }];
  for (let attempt = 0; attempt < 2; attempt++) {
    const { output } = await generateText({
      model: engine.model,
      temperature: 0.1,
      instructions: REQUIREMENTS_SYSTEM,
      messages,
      output: rawJsonOutput(),
      maxRetries: 0,
      abortSignal: signal ?? AbortSignal.timeout(engine.timeoutMs),
    });
    const text = String(output ?? "");
    const parsed = parseRequirementsAnswer(text);
    if (parsed.ok) {
      const p = parsed.value;
      const questions = p.needs_clarification ? p.questions.filter((q) => q.question.trim()) : [];
      return { spec: p.spec, clarification: questions.length ? { questions: questions.slice(0, 3) } : null, assumptions: p.assumptions };
    }
    messages.push({ role: "assistant", content: text.slice(0, 4_000) }, { role: "user", content: repairPrompt(parsed.problem) });
  }
  throw new LlmFallback("invalid_output");
}
