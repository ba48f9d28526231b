/**
 * Architecture lookup by model name / Hugging Face id, and a documented fallback when only the
 * parameter count is known. Pure functions; tables live in arch-table-*.ts.
 */
import { META_MISTRAL } from "./arch-table-meta-mistral";
import { OTHERS } from "./arch-table-others";
import { QWEN_GEMMA } from "./arch-table-qwen-gemma";
import type { Architecture } from "./arch-types";
import { fmtB, fmtInt, type Precision } from "./types";

export type { Architecture } from "./arch-types";

export const ARCHITECTURES: readonly Architecture[] = [...META_MISTRAL, ...QWEN_GEMMA, ...OTHERS];

/**
 * "meta-llama/Meta-Llama-3-70B-Instruct" → "meta-llama-3-70b-instruct"; "Llama 3.1:8b" → "llama-3.1-8b";
 * "yolov8n.pt" → "yolov8n" (file extensions dropped).
 */
export function normalizeModelName(nameOrHfId: string): string {
  const last = nameOrHfId.trim().toLowerCase().split("/").filter(Boolean).pop() ?? "";
  return last
    .replace(/\.(pt|pth|onnx|safetensors|gguf|bin|ckpt|engine)$/, "")
    .replace(/[\s_:]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

export interface ArchitectureMatch {
  arch: Architecture;
  matchedBy: "name" | "versionless_name" | "family_and_params";
  /** Set when an assumption was made (version-less name, params-based pick, params mismatch). */
  note?: string;
}

const FAMILY_RX: Record<string, RegExp> = {
  codellama: /code-?llama/,
  llama: /(?<![a-z])llama/,
  mistral: /(?<![a-z])mistral/,
  mixtral: /(?<![a-z])mixtral/,
  qwen: /(?<![a-z])(qwen|qwq)/,
  gemma: /(?<![a-z])gemma/,
  phi: /(?<![a-z])phi-?\d/,
  deepseek: /(?<![a-z])deepseek/,
  falcon: /(?<![a-z])falcon/,
  "gpt-oss": /(?<![a-z])gpt-?oss/,
  yi: /(?<![a-z0-9])yi-/,
};

function longestMatch(s: string, pick: (a: Architecture) => RegExp | undefined): Architecture | null {
  let best: Architecture | null = null;
  let bestLen = 0;
  for (const a of ARCHITECTURES) {
    const m = pick(a)?.exec(s);
    if (m && m[0].length > bestLen) {
      best = a;
      bestLen = m[0].length;
    }
  }
  return best;
}

const relDiff = (a: number, b: number) => Math.abs(Math.log(a / b));

function withParamsCheck(m: ArchitectureMatch, paramsB: number | undefined, raw: string): ArchitectureMatch {
  if (!paramsB || relDiff(paramsB, m.arch.params_b) <= Math.log(1.2)) return m;
  const warn = `The given size ${fmtB(paramsB)} differs from ${m.arch.name} (${fmtB(m.arch.params_b)} params) named by "${raw}"; sized with the table's ${fmtB(m.arch.params_b)}.`;
  return { ...m, note: m.note ? `${m.note} ${warn}` : warn };
}

/**
 * Find the architecture for a model name or HF id. Order: an explicit versioned match (longest
 * pattern wins: "deepseek-r1-distill-llama-70b" beats "llama-70b"); then a version-less name
 * ("Llama 70B" → the newest Llama 70B in the table, i.e. Llama 3.3, with a note); then, if
 * `paramsB` is given, the family member closest in size (within ±20%). Otherwise null.
 */
export function findArchitecture(nameOrHfId: string, paramsB?: number): ArchitectureMatch | null {
  const s = normalizeModelName(nameOrHfId);
  if (!s) return null;
  const exact = longestMatch(s, (a) => a.match);
  if (exact) return withParamsCheck({ arch: exact, matchedBy: "name" }, paramsB, nameOrHfId);
  const alias = longestMatch(s, (a) => a.alias);
  if (alias) {
    const note = `"${nameOrHfId}" gives no version; assumed ${alias.name}, the newest model of that size in the table.`;
    return withParamsCheck({ arch: alias, matchedBy: "versionless_name", note }, paramsB, nameOrHfId);
  }
  if (!paramsB || paramsB <= 0) return null;
  const family = Object.keys(FAMILY_RX).find((f) => FAMILY_RX[f].test(s));
  if (!family) return null;
  let best: Architecture | null = null;
  for (const a of ARCHITECTURES) {
    if (a.family !== family || relDiff(paramsB, a.params_b) > Math.log(1.2)) continue;
    // Later table rows are newer: on equal distance the newer one wins.
    if (!best || relDiff(paramsB, a.params_b) <= relDiff(paramsB, best.params_b)) best = a;
  }
  if (!best) return null;
  const note = `"${nameOrHfId}" with ${fmtB(paramsB)} params matched to ${best.name} (${fmtB(best.params_b)}), the closest ${family} model in the table.`;
  return { arch: best, matchedBy: "family_and_params", note };
}

/** A plain size in the name: "my-model-13b" → 13, "foo-270m" → 0.27. MoE forms ("8x7b") are ignored. */
export function parseParamsFromName(nameOrHfId: string): number | undefined {
  const s = normalizeModelName(nameOrHfId);
  const m = /(?<![a-z0-9.x])(\d+(?:\.\d+)?)([bm])(?![a-z0-9])/.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]) / (m[2] === "m" ? 1000 : 1);
  return v > 0 ? v : undefined;
}

/** Quantization named in a checkpoint id ("…-AWQ", "…-FP8", "…-bnb-4bit", "…-GPTQ-Int8"). */
export function precisionFromName(nameOrHfId: string): Precision | undefined {
  const s = normalizeModelName(nameOrHfId);
  if (/(?<![a-z])(fp8|f8-?e4m3|w8a8-?fp8)(?![a-z0-9])/.test(s)) return "fp8";
  if (/(?<![a-z])(awq|gptq(?!-int8)|int4|4-?bit|w4a16|nf4|mxfp4|q4(-k-m|-0|-k-s)?)(?![a-z0-9])/.test(s)) return "int4";
  if (/(?<![a-z])(int8|8-?bit|w8a8|q8(-0)?|gptq-int8)(?![a-z0-9])/.test(s)) return "int8";
  return undefined;
}

/** Embedding + LM-head parameters in billions (kept in 16-bit by GPTQ/AWQ/bitsandbytes/FP8 recipes). */
export function embeddingParamsB(a: Architecture): number {
  if (a.embedding_params_b !== undefined) return a.embedding_params_b;
  return (a.vocab * a.hidden * (a.tied_embeddings ? 1 : 2)) / 1e9;
}

/** KV-cache values per token per layer: 2 × kv_heads × head_dim, or the MLA latent (512 + 64). */
export function kvValuesPerTokenPerLayer(a: Architecture): number {
  return a.mla ? a.mla.kv_lora_rank + a.mla.rope_dim : 2 * a.kv_heads * a.head_dim;
}

/** Bytes of KV cache per token of one sequence. Llama-3-70B, bf16: 80 × 2 × 8 × 128 × 2 = 327,680 B. */
export function kvBytesPerToken(a: Architecture, kvBytes = 2): number {
  return a.layers * kvValuesPerTokenPerLayer(a) * kvBytes;
}

/** "2×80×8×128×2 B" or, for MLA, "61×(512+64)×2 B". */
export function kvPerTokenText(a: Architecture, kvBytes = 2): string {
  return a.mla
    ? `${a.layers}×(${a.mla.kv_lora_rank}+${a.mla.rope_dim})×${kvBytes} B`
    : `2×${a.layers}×${a.kv_heads}×${a.head_dim}×${kvBytes} B`;
}

/**
 * Architecture estimated from the parameter count alone. Dense decoder fit: P ≈ 12·L·h² with the
 * aspect ratio h ≈ 100·L (Llama-family models sit at h/L ≈ 100–128, so this errs towards more
 * layers, i.e. more KV cache). L = round(cbrt(P / 1.2e5)); h rounded up to a multiple of 128;
 * head_dim 128. Attention: GQA with 8 KV heads if P ≥ 30B (or `gqa: true`), else full MHA
 * (KV heads = attention heads) — conservative for small recent models, which mostly use GQA.
 */
export function fallbackArchitecture(paramsB: number, opts: { gqa?: boolean } = {}): { arch: Architecture; assumptions: string[] } {
  const layers = Math.max(2, Math.round(Math.cbrt((paramsB * 1e9) / 1.2e5)));
  const hidden = Math.max(128, Math.ceil((100 * layers) / 128) * 128);
  const heads = hidden / 128;
  const gqa = opts.gqa ?? paramsB >= 30;
  const kvHeads = gqa ? Math.min(8, heads) : heads;
  const vocab = 128000;
  const arch: Architecture = {
    id: "fallback", name: `unknown ${fmtB(paramsB)} dense transformer`, family: "unknown", params_b: paramsB,
    layers, hidden, heads, kv_heads: kvHeads, head_dim: 128, intermediate: Math.round(3.5 * hidden), vocab,
    embedding_params_b: Math.min((2 * vocab * hidden) / 1e9, 0.1 * paramsB), max_context: 131072,
    match: /$^/,
  };
  const attn = gqa
    ? `grouped-query attention with ${kvHeads} KV heads × 128 head_dim (typical of models ≥ 30B since 2023)`
    : `full multi-head attention (${kvHeads} KV heads × 128, as in older/smaller models; a GQA model with 8 KV heads needs ${Math.round(heads / 8)}× less KV cache)`;
  return {
    arch,
    assumptions: [
      `Architecture unknown: estimated from ${fmtB(paramsB)} params with the dense-transformer fit P ≈ 12·L·h², h ≈ 100·L → ${layers} layers, hidden ${fmtInt(hidden)} (errs towards more layers, i.e. more KV cache).`,
      `Assumed ${attn}.`,
      `Assumed a dense model, ${fmtInt(vocab)}-token vocabulary and MLP width 3.5 × hidden; for an MoE give the total parameter count.`,
    ],
  };
}
