/**
 * Precision / quantization: "fp16", "bf16", "8-bit", "AWQ", "GGUF Q4_K_M", "quantized" …
 * The first explicit mention wins. Vague mentions ("quantized", "GGUF") map to int4 with a note.
 */
import type { Precision } from "../types";
import { isNegated } from "./negation";
import { utterance, type Said } from "./utterance";

interface PrecisionCue {
  precision: Precision;
  re: RegExp;
  note?: string;
}

const CUES: PrecisionCue[] = [
  { precision: "bf16", re: /\b(?:bf16|bfloat[\s-]?16|brain[\s-]?float(?:16)?)\b/ },
  { precision: "bf16", re: /\bmixed[\s-]precision\b|\bamp\s+training\b/ },
  { precision: "fp16", re: /\b(?:fp16|float16|f16|half[\s-]precision)\b/ },
  { precision: "fp32", re: /\b(?:fp32|float32|f32|full[\s-]precision|single[\s-]precision)\b/ },
  { precision: "fp8", re: /\b(?:fp8|float8|e4m3|e5m2|w8a8[\s-]fp8)\b/ },
  { precision: "int8", re: /\b(?:int8|w8a8|llm\.int8|8[\s-]?bits?|q8(?:_0)?)\b(?!\s*(?:color|colour|audio))/ },
  { precision: "int8", re: /\bq[56](?:_k(?:_[sml])?|_0|_1)?\b(?=.*\bgguf\b)|\bgguf\b.*\bq[56](?:_k(?:_[sml])?|_0|_1)?\b|\bq[56]_k(?:_[sml])?\b/, note: "Q5/Q6 quantization sized as int8 (a safe upper bound)." },
  { precision: "int4", re: /\b(?:int4|nf4|4[\s-]?bits?|awq|gptq|exl2|w4a16|bnb[\s-]?4bit|marlin)\b/ },
  { precision: "int4", re: /\bq4(?:_k(?:_[sml])?|_0|_1)\b|\bq4\b(?=\s*(?:gguf|quant))|\bgguf\b[\s-]*q4\b/ },
  { precision: "int4", re: /\b(?:2|3)[\s-]?bits?\b|\bq[23](?:_k(?:_[sml])?)\b/, note: "2–3-bit quantization sized as int4 (a safe upper bound)." },
  { precision: "int4", re: /\bgguf\b|\bllama\.cpp\b|\bggml\b/, note: "GGUF without a quant level: assumed Q4_K_M (about 4.5 bits per weight), sized as int4." },
  {
    precision: "int4",
    re: /\b(?:quanti[sz](?:ed|e|ing|ation)|quant)\b/,
    note: "\"Quantized\" without a bit width: assumed 4-bit (int4, e.g. AWQ/GPTQ).",
  },
];

const NO_QUANT = /\b(?:no|without|not|non|un|avoid|never|don'?t(?:\s+want(?:\s+to)?)?|do\s+not(?:\s+want(?:\s+to)?)?)[\s-]*(?:any\s+)?quanti[sz](?:ed|e|ing|ation)\b|\bunquanti[sz]ed\b|\bfull\s+weights\b/;

/** Words allowed between a negator and the precision it rules out ("not in fp8", "avoid any int4"); a comma ends it ("not 4-bit, 8-bit is fine"). */
const PRECISION_FILLER = /^(?:\s|\/|\(|\bor\b|\band\b|\bnor\b|\bthe\b|\bany\b|\busing\b|\buse\b|\bin\b|\bwith\b|\ba\b|\ban\b|\bto\b|\bgo\b|\bwant\b|\bneed\b|\brun\b|\bserve\b)*$/;

export interface PrecisionExtraction {
  precision?: Precision;
  note?: string;
  /** The user said they do not want quantization. */
  no_quantization?: boolean;
}

export function extractPrecision(said: Said): PrecisionExtraction {
  const t = utterance(said).lower;
  const no_quantization = NO_QUANT.test(t) || undefined;
  const found: { cue: PrecisionCue; index: number }[] = [];
  const mentions = CUES.map((cue) => [...t.matchAll(new RegExp(cue.re.source, "g"))]);
  const spans = mentions.flat().map((x) => ({ start: x.index, end: x.index + x[0].length }));
  for (const [i, cue] of CUES.entries()) {
    // The first mention that is not ruled out ("without fp8", "not int4", "avoid int4 quantization").
    const m = mentions[i].find((x) => !isNegated(t, { start: x.index, end: x.index + x[0].length }, PRECISION_FILLER, spans));
    // "not quantized" must not read as quantized.
    if (!m || (no_quantization && /quant/.test(m[0]))) continue;
    found.push({ cue, index: m.index });
  }
  // Explicit precisions beat vague ones (those carrying a note); then the earliest wins.
  found.sort((a, b) => Number(!!a.cue.note) - Number(!!b.cue.note) || a.index - b.index);
  const best = found[0];
  return { precision: best?.cue.precision, note: best?.cue.note, no_quantization };
}
