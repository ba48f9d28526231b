/**
 * LLM training / fine-tuning memory (anchors.md §A3; EleutherAI "Transformer Math 101";
 * Korthikanti et al. 2022 for activations). All GB = 10^9 bytes.
 *
 *  full (mixed-precision AdamW): weights bf16 2 + grads bf16 2 + fp32 master 4 + Adam m 4 + v 4
 *    = 16 B/param (fp32 training: 4 + 4 + 8 = 16 B/param as well).
 *  LoRA:  frozen base in 16-bit (2 B/param) + adapters × 16 B (adapter 2 + grad 2 + master/m/v 12).
 *  QLoRA: base in NF4 (0.516 B/param, embeddings 16-bit) + adapters × 16 B.
 *  Activations with gradient checkpointing: L × 2·s·b·h (each layer's bf16 input kept)
 *    + 34·s·b·h (one layer recomputed during backward, FlashAttention so no 5·a·s²·b term)
 *    + s·b·V × 8 B (fp32 logits and their gradient).
 */
import { embeddingParamsB, type Architecture } from "./architectures";
import type { Part } from "./assemble";
import { overheadPart } from "./llm-inference";
import { fmtB, fmtInt, NF4_BYTES, WEIGHT_BYTES, type FineTuneMethod, type Precision } from "./types";

export const DEFAULT_LORA_RANK = 16;

/**
 * LoRA trainable parameters: r × Σ(d_in + d_out) over q, k, v, o and (dense models) the MLP
 * projections. MoE models: attention only (adapting every expert is unusual). MLA attention is
 * approximated as four hidden ↔ heads×128 projections.
 * Llama-3-8B, r=16: 16 × (8192+5120+5120+8192 + 3×18432) × 32 = 41,943,040.
 */
export function loraParams(a: Architecture, rank: number): number {
  const h = a.hidden;
  const q = a.mla ? a.heads * 128 : a.heads * a.head_dim;
  const kv = a.mla ? a.heads * 128 : a.kv_heads * a.head_dim;
  const attn = 2 * (h + q) + 2 * (h + kv);
  const mlp = a.moe ? 0 : (a.mlp === "plain" ? 2 : 3) * (h + a.intermediate);
  return rank * a.layers * (attn + mlp);
}

export function trainingActivationsPart(a: Architecture, seq: number, batch: number): Part {
  const sbh = seq * batch * a.hidden;
  const bytes = a.layers * 2 * sbh + 34 * sbh + seq * batch * a.vocab * 8;
  return {
    key: "activations",
    gb: bytes / 1e9,
    text: `activations (grad. checkpointing) ${a.layers}×2×${fmtInt(seq)}×${batch}×${a.hidden} B + 34×${fmtInt(seq)}×${batch}×${a.hidden} B + logits ${fmtInt(seq)}×${batch}×${fmtInt(a.vocab)}×8 B`,
  };
}

export interface LlmTrainingParams {
  arch: Architecture;
  method: FineTuneMethod;
  /** fp32 → full fp32 training; anything else → bf16 mixed precision (LoRA base at this width if 8-bit). */
  precision: Precision;
  seq: number;
  batch: number;
  loraRank: number;
}

function fullParts(a: Architecture, fp32: boolean): Part[] {
  const P = a.params_b;
  if (fp32) {
    return [
      { key: "weights", gb: P * 4, text: `weights ${fmtB(P)} × 4 B (fp32)` },
      { key: "gradients", gb: P * 4, text: `gradients ${fmtB(P)} × 4 B` },
      { key: "optimizer_states", gb: P * 8, text: `Adam m+v ${fmtB(P)} × 8 B` },
    ];
  }
  return [
    { key: "weights", gb: P * 2, text: `weights ${fmtB(P)} × 2 B (bf16)` },
    { key: "gradients", gb: P * 2, text: `gradients ${fmtB(P)} × 2 B` },
    { key: "optimizer_states", gb: P * 12, text: `fp32 master + Adam m + v ${fmtB(P)} × 12 B` },
  ];
}

function baseWeightsPart(a: Architecture, method: FineTuneMethod, precision: Precision): Part {
  const P = a.params_b;
  if (method === "qlora") {
    const emb = Math.min(embeddingParamsB(a), P);
    return {
      key: "weights",
      gb: (P - emb) * NF4_BYTES + emb * 2,
      text: `frozen base (${fmtB(P)} − ${fmtB(emb)} embeddings) × ${NF4_BYTES} B (NF4 + double-quant) + ${fmtB(emb)} × 2 B`,
    };
  }
  const b = precision === "fp32" ? 4 : precision === "int8" || precision === "fp8" ? WEIGHT_BYTES[precision] : 2;
  return { key: "weights", gb: P * b, text: `frozen base ${fmtB(P)} × ${b} B` };
}

export function llmTrainingParts(p: LlmTrainingParams): Part[] {
  const { arch: a, method } = p;
  let parts: Part[];
  if (method === "full") {
    parts = fullParts(a, p.precision === "fp32");
  } else {
    const n = loraParams(a, p.loraRank);
    const nb = n / 1e9;
    const label = `${fmtInt(n)} LoRA params (r=${p.loraRank})`;
    parts = [
      baseWeightsPart(a, method, p.precision),
      { key: "weights", gb: nb * 2, text: `adapters ${label} × 2 B` },
      { key: "gradients", gb: nb * 2, text: `adapter gradients × 2 B` },
      { key: "optimizer_states", gb: nb * 12, text: `adapter fp32 master + Adam m + v × 12 B` },
    ];
  }
  const weightsGb = parts.filter((x) => x.key === "weights").reduce((s, x) => s + x.gb, 0);
  return [...parts, trainingActivationsPart(a, p.seq, p.batch), overheadPart(weightsGb)];
}
