/**
 * What "fast enough" means for a served model: output speed per sequence ("30 tokens/s each",
 * "at least 20 tok/s per user"), time to first token ("TTFT under 500 ms", "first token within 1
 * second"), and typical request sizes ("prompts of ~2k tokens", "answers around 300 tokens").
 * "Fast" / "real-time" / "snappy" without numbers is a stated faster target (FAST_TARGET).
 */
import { utterance, type Said } from "./utterance";

export { FAST_TARGET } from "@/lib/sizing/throughput";
export const SERVICE_LIMITS = { tokens_per_s: 10_000, ttft_ms: 600_000, request_tokens: 10_000_000 } as const;

const NUM = String.raw`(?<num>\d+(?:\.\d+)?)\s?(?<mag>k)?`;
const TOKS_PER_S = new RegExp(
  String.raw`(?<![\w.$])${NUM}\s*(?:output\s+)?(?:tokens?|toks?|t)\s*(?:/|per|a|an|each)\s*(?:s|sec|second)\b(?<rest>[^.;!?\n]{0,30})`,
  "g",
);
const TOTAL = /^\s*(?:in\s+)?(?:total|overall|aggregate|combined|across)\b/;
const TTFT = new RegExp(
  String.raw`\b(?:ttft|time[\s-]to[\s-]first[\s-]token|first[\s-]token(?:\s+latency)?)\s*(?:of|under|below|within|in|<=?|≤|less\s+than|at\s+most|max(?:imum)?|:|=|is|around|about|~)?\s*(?:under|below|within|less\s+than|at\s+most)?\s*${NUM}\s*(?<unit>ms|milliseconds?|s|secs?|seconds?)\b`,
);
const FAST = /\b(?:fast|faster|snappy|real[\s-]?time|low[\s-]latency)\b(?!\s+(?:to\s+set\s+up|setup|deploy|install|start))/;
const NOT_FAST = /(?:\bnot|n't|\bno\s+need)\b[^.;!?]{0,24}?\b(?:fast|real[\s-]?time|low[\s-]latency)\b/;
const PROMPT_TOKENS = new RegExp(
  String.raw`\b(?:prompts?|inputs?|requests?|queries|contexts?)\s+(?:of|with|are|around|about|~|averag(?:e|ing))?\s*(?:about\s+|around\s+|~|roughly\s+)?${NUM}[\s-]*tokens?\b|(?<![\w.$])${NUM}[\s-]*tokens?\s+(?:prompts?|inputs?|of\s+input|in)\b`,
);
const OUTPUT_TOKENS = new RegExp(
  String.raw`\b(?:answers?|responses?|outputs?|completions?|replies|generations?)\s+(?:of|with|are|around|about|~|averag(?:e|ing))?\s*(?:about\s+|around\s+|~|roughly\s+)?${NUM}[\s-]*tokens?\b|(?<![\w.$])${NUM}[\s-]*(?:output\s+)?tokens?\s+(?:answers?|responses?|outputs?|out|of\s+output|generated|per\s+(?:answer|response|reply))\b|\bgenerat(?:e|es|ing)\s+(?:about\s+|around\s+|~|up\s+to\s+)?${NUM}[\s-]*tokens?\b`,
);

export interface ServiceTargetExtraction {
  target_tokens_per_s?: number;
  target_ttft_ms?: number;
  avg_prompt_tokens?: number;
  avg_output_tokens?: number;
  /** "fast" said without a number: FAST_TARGET applies (stated as an assumption). */
  fast?: boolean;
  out_of_range?: { field: "target_tokens_per_s" | "target_ttft_ms" | "avg_prompt_tokens" | "avg_output_tokens"; written: string };
}

const num = (g: Record<string, string | undefined> | undefined) => Number(g?.num) * (g?.mag ? 1000 : 1);

export function extractServiceTarget(said: Said): ServiceTargetExtraction {
  const t = utterance(said).numeric;
  const out: ServiceTargetExtraction = {};
  const put = (field: NonNullable<ServiceTargetExtraction["out_of_range"]>["field"], v: number, max: number, written: string) => {
    if (v > 0 && v <= max) out[field] = v;
    else out.out_of_range ??= { field, written };
  };
  for (const m of t.matchAll(TOKS_PER_S)) {
    if (TOTAL.test(m.groups?.rest ?? "")) continue; // "5000 tokens/s in total" is a throughput, not a per-user speed
    put("target_tokens_per_s", num(m.groups), SERVICE_LIMITS.tokens_per_s, m[0].trim());
    break;
  }
  const ttft = TTFT.exec(t);
  if (ttft) {
    const v = num(ttft.groups) * (/^m/.test(ttft.groups?.unit ?? "") ? 1 : 1000);
    put("target_ttft_ms", v, SERVICE_LIMITS.ttft_ms, ttft[0].trim());
  }
  const p = PROMPT_TOKENS.exec(t);
  if (p) put("avg_prompt_tokens", num(p.groups), SERVICE_LIMITS.request_tokens, p[0].trim());
  const o = OUTPUT_TOKENS.exec(t);
  if (o) put("avg_output_tokens", num(o.groups), SERVICE_LIMITS.request_tokens, o[0].trim());
  if (out.target_tokens_per_s === undefined && out.target_ttft_ms === undefined && FAST.test(t) && !NOT_FAST.test(t)) out.fast = true;
  return out;
}
