import { generateText } from "ai";
import type { LlmEngine } from "./provider";
import { WRITER_SYSTEM } from "./prompts";
import { LlmFallback } from "./llm-failure";
import { summaryRejection, type SummaryGround } from "./summary-check";

/**
 * The LLM writes only the plan's summary prose, from the tool results given as data. A summary
 * that is empty, a refusal, has a number that is not a fact of its kind, or does not name the
 * chosen model and instance throws an `LlmFallback` (the caller keeps the offline summary).
 */
export async function llmSummary(engine: LlmEngine, data: unknown, ground: SummaryGround, signal?: AbortSignal): Promise<string> {
  const { text } = await generateText({
    model: engine.model,
    temperature: 0.1,
    instructions: WRITER_SYSTEM,
    prompt: `Plan data (JSON):\n${JSON.stringify(data)}`,
    maxRetries: 0,
    abortSignal: signal ?? AbortSignal.timeout(engine.timeoutMs),
  });
  const summary = text.trim();
  const rejection = summaryRejection(summary, ground);
  if (rejection) throw new LlmFallback(rejection);
  return summary;
}
