/**
 * Builds the LLM Sizing (parts + every assumption) once the architecture is resolved.
 */
import type { Architecture } from "./architectures";
import { assemble } from "./assemble";
import { llmInferenceParts } from "./llm-inference";
import { DEFAULT_LORA_RANK, llmTrainingParts, type LlmTrainingParams } from "./llm-training";
import { fmtB, fmtGb, fmtInt, isQuantized, type FineTuneMethod, type Precision, type Sizing, type SizingInput } from "./types";

export const DEFAULT_INFERENCE_CONTEXT = 4096;
export const DEFAULT_TRAINING_SEQ = 2048;
export const DEFAULT_BATCH_CONCURRENCY = 8;

export interface ResolvedLlm {
  arch: Architecture;
  /** Assumptions from resolving the model (match notes, fallback architecture). */
  notes: string[];
  /** Precision named in the checkpoint id ("-AWQ", "-FP8"), if any. */
  namedPrecision?: Precision;
}

const isTraining = (t: SizingInput["task"]) => t === "training" || t === "fine_tuning";

function archNotes(a: Architecture): string[] {
  const out: string[] = [];
  if (a.id !== "fallback") {
    out.push(`Architecture ${a.name}: ${a.layers} layers, hidden ${fmtInt(a.hidden)}, ${a.heads} heads, ${a.mla ? "MLA latent cache (512 + 64 per layer)" : `${a.kv_heads} KV heads × head_dim ${a.head_dim}`}, ${fmtB(a.params_b)} params, native context ${fmtInt(a.max_context)}.`);
  }
  if (a.moe) {
    out.push(`MoE: all ${a.moe.experts} experts must be resident, so weights count all ${fmtB(a.params_b)} params; only ~${fmtB(a.active_params_b ?? a.params_b)} are active per token (that drives speed, not memory).`);
  }
  if (a.local_attention) out.push(`${a.name}: ${a.local_attention}; KV is sized as if every layer attended to the full context (upper bound — engines with hybrid KV managers need less).`);
  if (a.mla) out.push("KV sized for an MLA-aware engine (vLLM ≥ 0.7, SGLang) caching the compressed latent; an engine that decompresses MLA needs ~71× more KV.");
  for (const n of a.notes ?? []) out.push(n);
  return out;
}

function pickPrecision(input: SizingInput, r: ResolvedLlm, out: string[]): Precision {
  if (input.precision) {
    if (r.arch.native && r.arch.native.precision === input.precision && !isTraining(input.task)) {
      out.push(`Precision ${input.precision}: the checkpoint's published format (${r.arch.native.label}).`);
    }
    return input.precision;
  }
  if (r.namedPrecision) {
    out.push(`Precision ${r.namedPrecision}, as named in the checkpoint id.`);
    return r.namedPrecision;
  }
  if (r.arch.native && !isTraining(input.task)) {
    out.push(`Precision ${r.arch.native.precision} — the checkpoint is published as ${r.arch.native.label}.`);
    return r.arch.native.precision;
  }
  out.push(isTraining(input.task) ? "bf16 mixed precision (default for training)." : "Precision bf16, 2 B/param (default for inference).");
  return "bf16";
}

function inferenceSizing(input: SizingInput, r: ResolvedLlm): Sizing {
  const a = r.arch;
  const out: string[] = ["GB = 10^9 bytes.", ...r.notes, ...archNotes(a)];
  const precision = pickPrecision(input, r, out);
  const context = input.contextLength ?? Math.min(DEFAULT_INFERENCE_CONTEXT, a.max_context);
  if (!input.contextLength) {
    out.push(`Context ${fmtInt(context)} tokens per sequence (default)${a.max_context > context ? `; the model supports ${fmtInt(a.max_context)} — vLLM defaults --max-model-len to that, so set it to what you size for` : ""}.`);
  } else if (context > a.max_context) {
    out.push(`Requested context ${fmtInt(context)} exceeds the native ${fmtInt(a.max_context)} tokens (needs RoPE scaling such as YaRN).`);
  }
  const batch = input.task === "batch_processing";
  const concurrency = input.concurrency ?? (batch ? (input.batchSize ?? DEFAULT_BATCH_CONCURRENCY) : 1);
  if (!input.concurrency) {
    out.push(batch
      ? `Offline batch: ${concurrency} concurrent sequences${input.batchSize ? " (the batch size)" : " (default)"}; more concurrency → more KV cache but higher throughput.`
      : "Concurrency 1 sequence (default); KV cache grows linearly with concurrent sequences.");
  }
  const kvBytes = precision === "fp32" ? 4 : 2;
  out.push(`KV cache in ${kvBytes === 4 ? "fp32" : "bf16"} (${kvBytes} B/value, the engine default)${kvBytes === 2 ? "; an fp8 KV cache (--kv-cache-dtype fp8) halves it" : ""}.`);
  if (isQuantized(precision) && a.native?.precision !== precision) {
    out.push(`Quantized weights: embeddings and LM head stay 16-bit${precision === "int4" ? "; int4 = 0.5 B + 4% for group-wise scales/zeros (GPTQ/AWQ)" : ""}.`);
  }
  out.push(
    "Activations: one layer's transient buffers for up to 8,192 batched tokens (chunked prefill) + last-token logits; FlashAttention, no s² term.",
    "Runtime overhead = max(1 GB, 5% of weights): CUDA context, cuBLAS/NCCL workspaces, CUDA graphs, allocator fragmentation.",
  );
  return assemble(llmInferenceParts({ arch: a, precision, context, concurrency, kvBytes }), out, "formula");
}

function trainingMethod(input: SizingInput, out: string[]): FineTuneMethod {
  if (input.task === "training") {
    if (input.fineTuneMethod && input.fineTuneMethod !== "full") out.push(`Training from scratch updates every weight: ${input.fineTuneMethod} ignored.`);
    out.push("Training from scratch sized like full fine-tuning (all weights trained).");
    return "full";
  }
  if (input.fineTuneMethod === "lora" && input.precision === "int4") {
    out.push("LoRA over an int4 base is QLoRA.");
    return "qlora";
  }
  if (input.fineTuneMethod) return input.fineTuneMethod;
  out.push("Fine-tuning method LoRA (default; full fine-tuning and QLoRA figures below).");
  return "lora";
}

function trainingSizing(input: SizingInput, r: ResolvedLlm): Sizing {
  const a = r.arch;
  const out: string[] = ["GB = 10^9 bytes.", ...r.notes, ...archNotes(a)];
  const method = trainingMethod(input, out);
  let precision: Precision = input.precision ?? "bf16";
  if (!input.precision) out.push(method === "qlora" ? "Base weights in 4-bit NF4 (bitsandbytes), compute in bf16." : "bf16 mixed precision (default for training).");
  if (method === "full" && isQuantized(precision)) {
    out.push(`Full training cannot update ${precision} weights; sized in bf16 mixed precision.`);
    precision = "bf16";
  }
  if (method === "qlora" && input.precision && input.precision !== "int4") out.push(`QLoRA keeps the base in NF4; requested ${input.precision} not applied to the base.`);
  const seq = input.contextLength ?? Math.min(DEFAULT_TRAINING_SEQ, a.max_context);
  const batch = input.batchSize ?? 1;
  if (!input.contextLength) out.push(`Sequence length ${fmtInt(seq)} tokens (default).`);
  if (!input.batchSize) out.push("Micro-batch 1 per GPU (default); use gradient accumulation for larger effective batches.");
  const loraRank = input.loraRank ?? DEFAULT_LORA_RANK;
  if (method === "full") {
    out.push(precision === "fp32"
      ? "fp32 AdamW: weights 4 + grads 4 + Adam m, v 8 = 16 B/param."
      : "Mixed-precision AdamW: bf16 weights 2 + bf16 grads 2 + fp32 master 4 + Adam m 4 + v 4 = 16 B/param (EleutherAI, Transformer Math 101); 8-bit Adam cuts the optimizer part to ~2 B/param.");
  } else {
    out.push(`LoRA rank ${loraRank} on ${a.moe ? "attention projections (q, k, v, o; experts not adapted)" : "all linear layers (q, k, v, o, MLP)"}; adapters cost 16 B/param (bf16 weight 2 + grad 2 + fp32 master, m, v 12).`);
  }
  out.push(
    "Gradient checkpointing on: activations = L × 2·s·b·h (layer inputs) + 34·s·b·h (one layer recomputed; Korthikanti et al. 2022, FlashAttention so no s² term) + logits s·b·V × 8 B (fp32 logits and gradient).",
    "Runtime overhead = max(1 GB, 5% of weights) per process.",
    "Several GPUs: weights, gradients and optimizer state shard with ZeRO-3/FSDP; activations do not.",
  );
  const params: LlmTrainingParams = { arch: a, method, precision, seq, batch, loraRank };
  if (input.task === "fine_tuning" && !input.fineTuneMethod) {
    const alt = (m: FineTuneMethod) => assemble(llmTrainingParts({ ...params, method: m }), [], "formula").memory_gb_required;
    out.push(`For comparison: full fine-tuning ≈ ${fmtGb(alt("full"))}; QLoRA ≈ ${fmtGb(alt("qlora"))} (same sequence length and batch).`);
  }
  return assemble(llmTrainingParts(params), out, "formula");
}

export function llmSizing(input: SizingInput, r: ResolvedLlm): Sizing {
  return isTraining(input.task) ? trainingSizing(input, r) : inferenceSizing(input, r);
}
