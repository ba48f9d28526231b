/**
 * Context length: "32k context", "128K tokens", "context of 8192", "8k context window",
 * "max_model_len 32768", "1M-token context". Power-of-two k values use 1024 (32k → 32768);
 * others use 1000 (100k → 100000).
 */
import { utterance, type Said } from "./utterance";

const POW2 = new Set([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
const NUM = String.raw`(?<num>\d+(?:\.\d+)?)\s?(?<mag>k|m|million|thousand)?`;
const CTX_WORD = String.raw`(?:context(?:\s+(?:length|window|size|len))?|ctx|max[_\s-]?model[_\s-]?len|max[_\s-]?seq(?:uence)?[_\s-]?len(?:gth)?|seq(?:uence)?[\s_-]?len(?:gth)?|num[_\s-]?ctx|prompt(?:s)?\s+(?:length|size))`;

const AFTER_NUM = new RegExp(String.raw`(?<![\w.$])${NUM}(?:[\s-]*tokens?)?[\s-]*(?:of\s+)?${CTX_WORD}\b`, "g");
const BEFORE_NUM = new RegExp(String.raw`\b${CTX_WORD}\s*(?:of|is|=|:|to|at|up\s+to|around|about|~)?\s*(?:at\s+least\s+|up\s+to\s+)?${NUM}\b(?!\s*(?:users|requests|gpus?|gb))`, "g");
const TOKENS_ONLY = new RegExp(String.raw`(?<![\w.$])${NUM}[\s-]*tokens?\b(?!\s*(?:per|/|a\s+(?:second|day|month)|each|every|of\s+(?:data|text|training))|\s+(?:dataset|corpus|training|budget))`, "g");

export interface ContextExtraction {
  context_length?: number;
}

function toTokens(num: string, mag?: string): number | undefined {
  const n = Number(num);
  if (!(n > 0)) return undefined;
  const m = mag?.toLowerCase();
  let v: number;
  if (m === "k" || m === "thousand") v = Number.isInteger(n) && POW2.has(n) ? n * 1024 : Math.round(n * 1000);
  else if (m === "m" || m === "million") v = n === 1 || n === 2 ? n * 1048576 : Math.round(n * 1_000_000);
  else v = Math.round(n);
  return v >= 128 && v <= 10_000_000 ? v : undefined;
}

export function extractContext(said: Said): ContextExtraction {
  const t = utterance(said).numeric;
  for (const re of [AFTER_NUM, BEFORE_NUM]) {
    for (const m of t.matchAll(re)) {
      const v = toTokens(m.groups?.num ?? "", m.groups?.mag);
      if (v) return { context_length: v };
    }
  }
  for (const m of t.matchAll(TOKENS_ONLY)) {
    const before = t.slice(Math.max(0, (m.index ?? 0) - 25), m.index ?? 0);
    if (/\b(?:trained\s+on|train\s+on|dataset\s+of|corpus\s+of|generate|output|max\s+new|budget|(?:prompts?|inputs?|queries|requests?|answers?|responses?|outputs?|completions?|replies)\s+(?:of|with|are|around|about|~|averag(?:e|ing))?\s*(?:about|around|~|roughly)?)\s*$/.test(before)) continue;
    const v = toTokens(m.groups?.num ?? "", m.groups?.mag);
    // A bare "N tokens" is a context wish only for context-sized numbers (≥ 1k).
    if (v && v >= 1024) return { context_length: v };
  }
  return {};
}
