/**
 * Training / fine-tuning job size: tokens, FLOPs, GPU-hours, wall clock and cost. Pure.
 *
 *  tokens      = given, or examples × average tokens per example × epochs
 *  FLOPs       full training: 6·N·D (forward 2ND + backward 4ND; Kaplan et al. 2020, "Scaling Laws
 *              for Neural Language Models", §2.1). LoRA / QLoRA: 4·N·D: the frozen base still runs the
 *              forward pass (2ND) and the backward pass for activation gradients (2ND), but computes no
 *              weight gradients for it; the adapters' own FLOPs (rank ≪ hidden) are left out.
 *              N = active parameters (MoE: per token). Recomputation (gradient checkpointing) is not
 *              counted: MFU is defined on model FLOPs.
 *  GPU-hours   = FLOPs / (dense 16-bit peak × MFU × 3600) [× QLORA_DEQUANT_OVERHEAD for QLoRA]
 *  wall clock  = GPU-hours / GPUs (data parallel; the MFU figures already include communication at scale)
 *  run cost    = wall clock × hourly price of all the GPUs used (spot too, when given)
 */
import type { GpuPerfRow } from "@/lib/gpu/performance";
import { GPU_SPECS } from "@/lib/gpu/specs";
import { SizingInputError, type FineTuneMethod } from "./types";

/**
 * Model-FLOPs utilisation of full bf16 training, by card class (never tuned per model):
 *  - HBM datacenter GPUs with NVLink (A100/A800, H100/H200/GH200, B200/B300/GB200): 0.40.
 *    Megatron-LM reports 44–52% of peak on A100 for 18B–1T GPT models (Narayanan et al. 2021,
 *    "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM", Table 1);
 *    Llama 3 reports 38–43% BF16 MFU on H100 (Dubey et al. 2024, "The Llama 3 Herd of Models",
 *    Table 4). 0.40 sits at the low end of both. Blackwell: assumed equal to Hopper (no comparable
 *    public report cited).
 *  - Every other card (PCIe/GDDR datacenter cards, workstation and consumer cards, Volta, Turing,
 *    AMD): 0.30, an assumption: no cited report, set lower for PCIe-only gradient exchange and smaller
 *    memory bandwidth per FLOP.
 */
export const MFU_FULL_HBM = 0.4;
export const MFU_FULL_OTHER = 0.3;
/** GPUs of the 0.40 class. */
export const HBM_NVLINK_CLASS: ReadonlySet<string> = new Set(["A100", "A100-80GB", "A800", "H100", "H200", "GH200", "B200", "B300", "GB200"]);

/**
 * LoRA / QLoRA reach a lower share of peak than full training (assumption: × 0.85): the adapter
 * matmuls are tiny and memory-bound, and fine-tuning batches are usually smaller.
 */
export const ADAPTER_MFU_FACTOR = 0.85;

/**
 * QLoRA time overhead for dequantizing the NF4 base weights to bf16 before every matmul, forward and
 * backward (assumption: +30%; bitsandbytes dequantizes per layer, per step).
 */
export const QLORA_DEQUANT_OVERHEAD = 1.3;

/** Defaults when a fine-tuning data set is described by examples. */
export const DEFAULT_TOKENS_PER_EXAMPLE = 512;
export const DEFAULT_EPOCHS = 1;

export interface JobInput {
  /** Total parameters, billions. */
  params_b: number;
  /** Parameters per token, billions (MoE); default params_b. */
  active_params_b?: number;
  method: FineTuneMethod;
  /** Training tokens (all epochs); or examples × avg_tokens_per_example × epochs. */
  tokens?: number;
  examples?: number;
  avg_tokens_per_example?: number;
  epochs?: number;
  gpu: Pick<GpuPerfRow, "gpu" | "dense_bf16_tflops" | "fp32_tflops">;
  gpu_count: number;
  /** Hourly price of all gpu_count GPUs together, USD. */
  hourly_price_usd: number;
  hourly_spot_price_usd?: number | null;
  /** Override of the default MFU (0 < mfu ≤ 1); stated in the assumptions. */
  mfu?: number;
}

export interface JobEstimate {
  tokens: number;
  total_flops: number;
  mfu: number;
  gpu_hours: number;
  wall_clock_hours: number;
  run_cost_usd: number;
  run_cost_spot_usd: number | null;
  assumptions: string[];
}

export class JobInputError extends SizingInputError {
  constructor(message: string) {
    super(message);
    this.name = "JobInputError";
  }
}

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const positive = (x: unknown): x is number => finite(x) && x > 0;

function need(ok: boolean, message: string): void {
  if (!ok) throw new JobInputError(message);
}

/** The documented default MFU for a GPU and method (before the QLoRA dequantization overhead). */
export function defaultMfu(gpu: string, method: FineTuneMethod): number {
  const base = HBM_NVLINK_CLASS.has(gpu) ? MFU_FULL_HBM : MFU_FULL_OTHER;
  return method === "full" ? base : base * ADAPTER_MFU_FACTOR;
}

function tokensOf(i: JobInput): { tokens: number; note: string } {
  if (i.tokens !== undefined) {
    need(positive(i.tokens), "tokens must be positive.");
    return { tokens: i.tokens, note: `${i.tokens.toExponential(3)} training tokens (given).` };
  }
  need(positive(i.examples), "Give tokens, or examples (with optional avg_tokens_per_example and epochs).");
  const per = i.avg_tokens_per_example ?? DEFAULT_TOKENS_PER_EXAMPLE;
  const epochs = i.epochs ?? DEFAULT_EPOCHS;
  need(positive(per), "avg_tokens_per_example must be positive.");
  need(positive(epochs), "epochs must be positive.");
  const tokens = (i.examples as number) * per * epochs;
  const perNote = i.avg_tokens_per_example === undefined ? ` (default ${DEFAULT_TOKENS_PER_EXAMPLE}, assumed)` : "";
  const epochNote = i.epochs === undefined ? ` (default ${DEFAULT_EPOCHS}, assumed)` : "";
  return { tokens, note: `Tokens = ${i.examples} examples × ${per} tokens${perNote} × ${epochs} epochs${epochNote}.` };
}

/** Size of a training / fine-tuning run (see the module comment). */
export function estimateJob(i: JobInput): JobEstimate {
  need(positive(i.params_b), "params_b must be a positive number.");
  need(i.active_params_b === undefined || (positive(i.active_params_b) && i.active_params_b <= i.params_b), "active_params_b must be positive and at most params_b.");
  need(i.method === "full" || i.method === "lora" || i.method === "qlora", "method must be full, lora or qlora.");
  need(Number.isInteger(i.gpu_count) && i.gpu_count >= 1, "gpu_count must be a whole number ≥ 1.");
  need(finite(i.hourly_price_usd) && i.hourly_price_usd >= 0, "hourly_price_usd must be ≥ 0.");
  need(i.hourly_spot_price_usd == null || (finite(i.hourly_spot_price_usd) && i.hourly_spot_price_usd >= 0), "hourly_spot_price_usd must be ≥ 0.");
  need(i.mfu === undefined || (positive(i.mfu) && i.mfu <= 1), "mfu must be in (0, 1].");
  const peak = positive(i.gpu.dense_bf16_tflops) ? i.gpu.dense_bf16_tflops : positive(i.gpu.fp32_tflops) ? i.gpu.fp32_tflops : null;
  need(peak !== null, `No compute peak is known for ${i.gpu.gpu}: the job time cannot be estimated.`);
  const peakUsed = positive(i.gpu.dense_bf16_tflops) ? "dense 16-bit peak" : "FP32 peak (no fast 16-bit path)";

  const { tokens, note: tokenNote } = tokensOf(i);
  const n = (i.active_params_b ?? i.params_b) * 1e9;
  const factor = i.method === "full" ? 6 : 4;
  const totalFlops = factor * n * tokens;
  const mfu = i.mfu ?? defaultMfu(i.gpu.gpu, i.method);
  const overhead = i.method === "qlora" ? QLORA_DEQUANT_OVERHEAD : 1;
  const gpuHours = (totalFlops / ((peak as number) * 1e12 * mfu * 3600)) * overhead;
  const wall = gpuHours / i.gpu_count;
  const spot = i.hourly_spot_price_usd;
  need(finite(totalFlops) && finite(gpuHours) && finite(wall * i.hourly_price_usd), "The inputs are too large to give a finite estimate.");

  const arch = GPU_SPECS[i.gpu.gpu]?.architecture;
  const mfuNote = i.mfu !== undefined
    ? `MFU ${mfu} (given).`
    : `MFU ${Number(mfu.toFixed(3))}: ${HBM_NVLINK_CLASS.has(i.gpu.gpu) ? `${MFU_FULL_HBM} for HBM/NVLink datacenter GPUs (Megatron-LM 2021 on A100, Llama 3 on H100)` : `${MFU_FULL_OTHER} assumed for ${arch ?? i.gpu.gpu} cards without HBM/NVLink-class scaling (no cited report)`}${i.method === "full" ? "" : ` × ${ADAPTER_MFU_FACTOR} for adapter training (assumption)`}.`;
  const assumptions = [
    tokenNote,
    i.method === "full"
      ? `FLOPs = 6 × N × D (forward 2ND + backward 4ND), N = ${(n / 1e9).toPrecision(4)}B${i.active_params_b !== undefined && i.active_params_b < i.params_b ? " active" : ""} parameters.`
      : `FLOPs = 4 × N × D for ${i.method === "lora" ? "LoRA" : "QLoRA"}: frozen base forward 2ND + activation-gradient backward 2ND, no base weight gradients; adapter FLOPs left out.`,
    `${i.gpu.gpu} ${peakUsed} ${peak} TFLOPS.`,
    mfuNote,
    ...(i.method === "qlora" ? [`QLoRA: +${Math.round((QLORA_DEQUANT_OVERHEAD - 1) * 100)}% time for NF4 → bf16 dequantization of the base weights (assumption).`] : []),
    `Wall clock = GPU-hours / ${i.gpu_count} GPU${i.gpu_count === 1 ? "" : "s"} (data parallel); cost = wall clock × $${i.hourly_price_usd}/h for all of them.`,
  ];

  return {
    tokens,
    total_flops: totalFlops,
    mfu,
    gpu_hours: gpuHours,
    wall_clock_hours: wall,
    run_cost_usd: wall * i.hourly_price_usd,
    run_cost_spot_usd: spot == null ? null : wall * spot,
    assumptions,
  };
}
