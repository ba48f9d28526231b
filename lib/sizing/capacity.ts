/**
 * Inverse questions: the largest model that fits a memory budget, and the longest context that
 * fits a given GPU setup. Both search over estimateMemory / the LLM formulas, so they agree with
 * the sizing shown to the user by construction.
 */
import { fallbackArchitecture } from "./architectures";
import { estimateMemory, resolveArchitecture } from "./estimate";
import { perGpuMemoryGb } from "./gpu-fit";
import { usableGpuMemoryGb } from "./usable-memory";
import { llmSizing } from "./llm-sizing";
import { DEFAULT_MAX_UTILIZATION, SizingInputError, type FineTuneMethod, type Precision, type SizingInput, type Task } from "./types";

export interface MaxParamsOptions {
  maxUtilization?: number;
  contextLength?: number;
  concurrency?: number;
  fineTuneMethod?: FineTuneMethod;
}

/**
 * Largest dense LLM (billions of params, rounded down to 0.1) whose estimate fits
 * `maxUtilization` (0.9) × memoryGb, treated as one memory pool. Uses the fallback architecture
 * with GQA (8 KV heads), as nearly all current models have; defaults as in estimateMemory
 * (context 4,096 / concurrency 1 for inference; seq 2,048, LoRA for fine-tuning).
 */
export function maxParamsForMemory(memoryGb: number, precision: Precision = "bf16", task: Task = "inference", opts: MaxParamsOptions = {}): number {
  const budget = memoryGb * (opts.maxUtilization ?? DEFAULT_MAX_UTILIZATION);
  const input: SizingInput = { task, precision, contextLength: opts.contextLength, concurrency: opts.concurrency, fineTuneMethod: opts.fineTuneMethod };
  const need = (p: number) => llmSizing(input, { arch: fallbackArchitecture(p, { gqa: true }).arch, notes: [] }).memory_gb_required;
  let lo = 0;
  let hi = 10_000;
  if (need(0.01) > budget) return 0;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (need(mid) <= budget) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo * 10) / 10;
}

export interface MaxContextResult {
  /** Longest context per sequence (tokens) that fits, at the given concurrency. */
  max_context_tokens: number;
  /** True when the model's native window, not memory, is the limit. */
  capped_by_model: boolean;
  model_max_context: number;
  gpus: number;
}

/**
 * Longest context that fits `gpuCount` GPUs of `gpuMemoryGb` each at `maxUtilization` (per-GPU
 * share as in gpu-fit.ts), for an LLM input (concurrency and precision as given / defaulted).
 * Null when the input is not an LLM or not even a 1-token context fits.
 */
export function maxContextThatFits(
  input: SizingInput,
  gpuMemoryGb: number,
  opts: { gpuCount?: number; maxUtilization?: number } = {},
): MaxContextResult | null {
  const arch = resolveArchitecture(input);
  if (!arch) return null;
  if (!(gpuMemoryGb > 0)) throw new SizingInputError("gpuMemoryGb must be positive.");
  const n = opts.gpuCount ?? 1;
  const cap = usableGpuMemoryGb(gpuMemoryGb, opts.maxUtilization ?? DEFAULT_MAX_UTILIZATION);
  const fits = (ctx: number) => perGpuMemoryGb(estimateMemory({ ...input, contextLength: ctx }), n) <= cap + 1e-9;
  if (!fits(1)) return null;
  const max = arch.max_context;
  if (fits(max)) return { max_context_tokens: max, capped_by_model: true, model_max_context: max, gpus: n };
  let lo = 1;
  let hi = max;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return { max_context_tokens: lo, capped_by_model: false, model_max_context: max, gpus: n };
}
