import { ungroundedQuantities, type GroundingFacts } from "./grounding";
import type { LlmFallbackReason } from "./llm-failure";

/** What the summary is checked against: the facts by kind, names whose digits are not figures, and what it must name. */
export interface SummaryGround {
  facts: GroundingFacts;
  /** Instance types, model ids, GPU and region names… (their digits are part of a name). */
  names: string[];
  /** The chosen instance (compute[0].instance_type), when there is one. */
  instance: string | null;
  /** The chosen model (models[0].id), when there is one. */
  model: string | null;
}

const REFUSAL = /\b(?:I['’]?m sorry|I am sorry|I apologi[sz]e|I can(?:not|['’]t) (?:help|assist|provide|comply|do that)|I(?: am|['’]m) (?:unable|not able) to|as an AI\b)/i;

/** Why an LLM summary must not be used, or null when it may: empty, a refusal, an ungrounded number, or missing names. */
export function summaryRejection(summary: string, g: SummaryGround): LlmFallbackReason | null {
  if (!summary.trim()) return "empty_summary";
  if (REFUSAL.test(summary)) return "refusal";
  if (ungroundedQuantities(summary, g.facts, g.names).length) return "ungrounded_number";
  if (g.instance && !mentions(summary, [g.instance])) return "missing_names";
  if (g.model && !mentions(summary, [g.model, g.model.split("/").pop()!])) return "missing_names";
  return null;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The text names one of `names` (case, spaces, dashes and underscores ignored). */
export function mentions(text: string, names: string[]): boolean {
  const t = squash(text);
  return names.some((n) => squash(n).length > 0 && t.includes(squash(n)));
}
