import { generateText } from "ai";
import type { LlmEngine } from "./provider";
import { WRITER_SYSTEM } from "./prompts";
import { ungroundedNumbers } from "./grounding";

/**
 * The LLM writes only the plan's summary prose, from the tool results given as data. Prose with a
 * number that is not in those results is rejected (the caller keeps the offline summary).
 */
export async function llmSummary(engine: LlmEngine, facts: unknown): Promise<string> {
  const data = JSON.stringify(facts);
  const { text } = await generateText({
    model: engine.model,
    temperature: 0.1,
    system: WRITER_SYSTEM,
    prompt: `Plan data (JSON):\n${data}`,
    maxRetries: 1,
    abortSignal: AbortSignal.timeout(engine.timeoutMs),
  });
  const summary = text.trim();
  if (!summary) throw new Error("empty summary");
  const bad = ungroundedNumbers(summary, data);
  if (bad.length) throw new Error(`summary has numbers not in the tool results: ${bad.join(", ")}`);
  return summary;
}
