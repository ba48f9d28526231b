/**
 * Shared types and constants for the deterministic memory sizing in lib/sizing.
 *
 * Units: every figure is in GB = 10^9 bytes (decimal), never GiB. GPU capacities are taken at
 * their nominal label ("80 GB"); most cards physically hold that many GiB (80 GiB ≈ 85.9 GB),
 * so comparing decimal-GB requirements against the label leaves a further ~7% margin.
 */
import type { Sizing } from "@/lib/schemas/plan";
import type { MODALITIES, PRECISIONS, TASKS } from "@/lib/schemas/workload-spec";

export type { Sizing };
export type Precision = (typeof PRECISIONS)[number];
export type Task = (typeof TASKS)[number];
export type Modality = (typeof MODALITIES)[number];
export type FineTuneMethod = "full" | "lora" | "qlora";

export interface SizingInput {
  task: Task;
  modelName?: string;
  hfId?: string;
  /** Total parameters in billions (for MoE: all experts). */
  paramsB?: number;
  modality?: Modality;
  precision?: Precision;
  /** Tokens per sequence (inference: prompt + output; training: sequence length). */
  contextLength?: number;
  /** Concurrent sequences served (inference) — KV cache scales linearly with it. */
  concurrency?: number;
  fineTuneMethod?: FineTuneMethod;
  /** Training micro-batch per GPU, or the offline batch for batch_processing. */
  batchSize?: number;
  /** Free-text workload ("object detection") used when no model is named. */
  workload?: string;
  /** LoRA rank (default 16). */
  loraRank?: number;
}

export const GB = 1e9;
export const KIB = 1024;
export const GIB = 1024 ** 3;

/** Planning margin: like vLLM's default gpu_memory_utilization, use at most 90% of a card. */
export const DEFAULT_MAX_UTILIZATION = 0.9;

/**
 * Bytes per parameter for weights. int4 = 0.5 B + 4% for group-wise quantization constants
 * (GPTQ/AWQ group size 128: fp16 scale + zero per 128 weights ≈ 0.16 bits/weight).
 * fp8/int8 scales are per channel or per 128×128 block: negligible.
 */
export const WEIGHT_BYTES: Record<Precision, number> = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.52,
};

/** bitsandbytes NF4 (QLoRA): 0.5 B + double-quantized constants (≈0.127 bits/param) ≈ 0.516 B. */
export const NF4_BYTES = 0.516;

export const isQuantized = (p: Precision): boolean => p === "fp8" || p === "int8" || p === "int4";

export class SizingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SizingInputError";
  }
}

/** Round to 0.1 (GB values in breakdowns). */
export const r1 = (x: number): number => Math.round(x * 10) / 10;

/** "70.6B", "669.1B", "8.03B", "0.49B", "3.2M" — parameter counts with sensible precision. */
export const fmtB = (b: number): string => {
  if (b >= 10) return `${r1(b)}B`;
  if (b >= 0.1) return `${Math.round(b * 100) / 100}B`;
  return `${Math.round(b * 10000) / 10}M`;
};

export const fmtGb = (gb: number): string => `${r1(gb).toFixed(1)} GB`;

/** Thousands separators for token counts, bytes, etc. */
export const fmtInt = (n: number): string => Math.round(n).toLocaleString("en-US");
