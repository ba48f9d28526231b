/**
 * Quantized checkpoints of a base model, by repo id: "Qwen/Qwen2.5-72B-Instruct-AWQ" is an AWQ
 * int4 variant of "Qwen/Qwen2.5-72B-Instruct"; "hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4"
 * one of "meta-llama/Llama-3.1-70B-Instruct". Pure string logic, unit-tested on its own.
 */
import type { PRECISIONS } from "@/lib/schemas/workload-spec";

export type Precision = (typeof PRECISIONS)[number];
export const QUANTIZATIONS = ["awq", "gptq", "fp8", "bnb-nf4", "gguf"] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

/** Publishers of quantized checkpoints we treat as official besides the model's own organisation. */
export const OFFICIAL_QUANTIZERS: readonly string[] = ["hugging-quants", "RedHatAI", "neuralmagic", "nvidia"];

/** The id pattern (POSIX regex) that preselects quantized repos in the catalog. */
export const QUANTIZED_ID_PATTERN = "(awq|gptq|fp8|int4|int8|w4a16|w8a8|w8a16|nf4|bnb|gguf)";

/** Words a quantized repo may add to its base name (case-insensitive). */
const QUANT_WORD = /^(awq|gptq|fp8|int4|int8|w4a16|w8a8|w8a16|fp8-dynamic|dynamic|quantized|nf4|bnb|4bit|8bit|gguf)$/i;

export interface QuantizedCheckpoint {
  precision: Precision;
  quantization: Quantization;
}

/** Precision and method a repo id names, or null for a 16-bit checkpoint. */
export function quantizationOf(id: string): QuantizedCheckpoint | null {
  const s = id.toLowerCase();
  if (/gguf/.test(s)) return { precision: /q8|int8/.test(s) ? "int8" : "int4", quantization: "gguf" };
  if (/awq/.test(s)) return { precision: "int4", quantization: "awq" };
  if (/gptq/.test(s)) return { precision: /int8/.test(s) ? "int8" : "int4", quantization: "gptq" };
  if (/fp8/.test(s)) return { precision: "fp8", quantization: "fp8" };
  if (/nf4|bnb-4bit|bnb/.test(s)) return { precision: "int4", quantization: "bnb-nf4" };
  if (/w4a16/.test(s)) return { precision: "int4", quantization: "gptq" };
  if (/w8a8|w8a16|int8/.test(s)) return { precision: "int8", quantization: "gptq" };
  return null;
}

const repoName = (id: string) => id.slice(id.indexOf("/") + 1);
const author = (id: string) => (id.includes("/") ? id.slice(0, id.indexOf("/")) : "");
/** "Meta-Llama-3.1-70B-Instruct" and "Llama-3.1-70B-Instruct" name the same model. */
const canonical = (name: string) => name.toLowerCase().replace(/^meta-(?=llama)/, "");

/**
 * Whether `candidateId` is a quantized checkpoint of `baseId` from an official publisher (the
 * base's organisation or OFFICIAL_QUANTIZERS): its repo name is the base's plus quantization words.
 */
export function officialQuantizedVariant(baseId: string, candidateId: string): QuantizedCheckpoint | null {
  if (candidateId.toLowerCase() === baseId.toLowerCase()) return null;
  const official = author(candidateId).toLowerCase() === author(baseId).toLowerCase() || OFFICIAL_QUANTIZERS.some((q) => q.toLowerCase() === author(candidateId).toLowerCase());
  if (!official) return null;
  const base = canonical(repoName(baseId));
  const cand = canonical(repoName(candidateId));
  if (!cand.startsWith(base)) return null;
  const extra = cand.slice(base.length).split(/[-_.]+/).filter(Boolean);
  if (!extra.length || !extra.every((w) => QUANT_WORD.test(w))) return null;
  return quantizationOf(candidateId);
}

/** The base name's search terms (what must appear in a variant's id). */
export function baseSearchName(baseId: string): string {
  return repoName(baseId).replace(/^meta-(?=llama)/i, "");
}
