/**
 * LLM inference memory: weights + KV cache + activations + runtime overhead (formulas in
 * shared/notes/anchors.md §A3). All GB = 10^9 bytes.
 */
import { embeddingParamsB, kvBytesPerToken, kvPerTokenText, type Architecture } from "./architectures";
import type { Part } from "./assemble";
import { fmtB, fmtInt, isQuantized, WEIGHT_BYTES, type Precision } from "./types";

/** Tokens processed in one forward pass at most (vLLM chunked-prefill budget, max_num_batched_tokens). */
export const PREFILL_TOKEN_BUDGET = 8192;

/**
 * Weights at a precision. 16/32-bit: P × bytes. Quantized (fp8/int8/int4): the transformer blocks
 * at the quantized width, embeddings + LM head kept in 16-bit (as GPTQ/AWQ/bitsandbytes/FP8 recipes
 * do). A checkpoint published quantized (GPT-OSS MXFP4, DeepSeek-V3 FP8) uses its own split.
 */
export function weightsPart(a: Architecture, precision: Precision): Part {
  const P = a.params_b;
  if (a.native && a.native.precision === precision) {
    const q = a.native.quantized_params_b;
    const rest = P - q;
    const b = a.native.bits / 8;
    return {
      key: "weights",
      gb: q * b + rest * 2,
      text: `weights ${fmtB(q)} × ${b} B + ${fmtB(rest)} × 2 B (${a.native.label})`,
    };
  }
  const b = WEIGHT_BYTES[precision];
  if (!isQuantized(precision)) return { key: "weights", gb: P * b, text: `weights ${fmtB(P)} × ${b} B` };
  const emb = Math.min(embeddingParamsB(a), P);
  return {
    key: "weights",
    gb: (P - emb) * b + emb * 2,
    text: `weights (${fmtB(P)} − ${fmtB(emb)} embeddings) × ${b} B + ${fmtB(emb)} embeddings × 2 B`,
  };
}

export function kvCachePart(a: Architecture, context: number, concurrency: number, kvBytes: number): Part {
  const perTok = kvBytesPerToken(a, kvBytes);
  return {
    key: "kv_cache",
    gb: (perTok * context * concurrency) / 1e9,
    text: `KV ${kvPerTokenText(a, kvBytes)} × ${fmtInt(context)} tok × ${concurrency} seq`,
  };
}

/**
 * Peak transient activations of one layer (weights are reused layer by layer; FlashAttention, so
 * no s² attention-score term): tokens × (4·hidden + 2·MLP width × experts per token) × 2 B, where
 * tokens = min(context × concurrency, 8,192), plus fp32 logits for the last token of each sequence.
 */
export function inferenceActivationsPart(a: Architecture, context: number, concurrency: number): Part {
  const tokens = Math.min(context * concurrency, PREFILL_TOKEN_BUDGET);
  const mlp = a.intermediate * (a.moe?.active ?? 1);
  const bytes = tokens * (4 * a.hidden + 2 * mlp) * 2 + concurrency * a.vocab * 4;
  return {
    key: "activations",
    gb: bytes / 1e9,
    text: `activations ${fmtInt(tokens)} tok × (4×${a.hidden} + 2×${mlp}) × 2 B + logits ${concurrency}×${fmtInt(a.vocab)}×4 B`,
  };
}

/** max(1 GB, 5% of weights): CUDA context, cuBLAS/NCCL workspaces, CUDA graphs, allocator slack. */
export function overheadPart(weightsGb: number): Part {
  const gb = Math.max(1, 0.05 * weightsGb);
  return { key: "runtime_overhead", gb, text: `overhead max(1 GB, 5% × ${(Math.round(weightsGb * 10) / 10).toFixed(1)} GB)` };
}

export interface LlmInferenceParams {
  arch: Architecture;
  precision: Precision;
  context: number;
  concurrency: number;
  kvBytes: number;
}

export function llmInferenceParts(p: LlmInferenceParams): Part[] {
  const w = weightsPart(p.arch, p.precision);
  return [
    w,
    kvCachePart(p.arch, p.context, p.concurrency, p.kvBytes),
    inferenceActivationsPart(p.arch, p.context, p.concurrency),
    overheadPart(w.gb),
  ];
}
