/**
 * The checkpoint a plan deploys: the repo the user named (a quantized or variant repo as named),
 * the reference model when none was named, or an official quantized repo when the precision, the
 * budget or the pinned hardware calls for one. Pure helpers; gather.ts does the catalog look-ups.
 */
import { checkpointPrecision, findArchitecture, resolveArchitecture, sizingInputFromSpec, type Architecture } from "@/lib/sizing";
import { quantizationOf, type Quantization } from "@/lib/search/checkpoint-variants";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { QuantizedVariant } from "@/lib/tools/model-lookup";
import type { Precision } from "@/lib/sizing";

export type CheckpointReason =
  | "named" // the repo the user named
  | "reference" // no model named: the typical model of the workload
  | "search" // named by family only: the best catalog match of the same architecture
  | "quantized_precision" // the precision asked for needs a quantized repo
  | "quantized_budget" // only a quantized repo fits the budget
  | "quantized_hardware" // only a quantized repo fits the pinned GPUs
  | "none"; // nothing to deploy by id (notebooks, or a model not in the catalog)

export interface Checkpoint {
  modelId: string | null;
  precision: Precision | null;
  quantization: Quantization | null;
  reason: CheckpointReason;
  /** The 16-bit repo a quantized checkpoint was chosen for. */
  baseId?: string;
}

/** The spec the sizing uses for a checkpoint: its repo id and the precision it actually has. */
export function specForCheckpoint(spec: WorkloadSpec, c: Checkpoint): WorkloadSpec {
  // A named repo published quantized (AWQ, FP8, GPT-OSS MXFP4) runs at the precision its weights have, whatever was asked.
  if (c.reason === "named") {
    const fixed = checkpointPrecision({ modelName: spec.model?.name, hfId: spec.model?.hf_id, paramsB: spec.model?.params_b });
    if (fixed && spec.precision !== fixed.precision) return { ...spec, precision: fixed.precision };
  }
  if (!c.modelId || c.reason === "named" || c.reason === "none") return spec;
  const model = { ...(spec.model ?? {}), hf_id: c.modelId };
  return { ...spec, model, ...(c.precision ? { precision: c.precision } : {}) };
}

/** The checkpoint before any quantized swap. */
export function initialCheckpoint(spec: WorkloadSpec, extras: RequirementsExtras, hasModel: boolean): Checkpoint {
  if ((spec.task ?? "inference") === "development" && !spec.model) return { modelId: null, precision: null, quantization: null, reason: "none" };
  const named = spec.model?.hf_id;
  const precisionOf = (id: string | undefined): Precision | null => {
    const cp = checkpointPrecision({ modelName: spec.model?.name, hfId: id, paramsB: spec.model?.params_b });
    return cp?.precision ?? spec.precision ?? null;
  };
  if (named) return { modelId: named, precision: precisionOf(named), quantization: quantizationOf(named)?.quantization ?? nativeQuantization(spec), reason: "named" };
  if (!spec.model && extras.reference_model?.hf_id && hasModel) {
    return { modelId: extras.reference_model.hf_id, precision: spec.precision ?? null, quantization: null, reason: "reference" };
  }
  return { modelId: null, precision: precisionOf(undefined), quantization: null, reason: spec.model ? "search" : "none" };
}

function nativeQuantization(spec: WorkloadSpec): Quantization | null {
  const cp = checkpointPrecision({ modelName: spec.model?.name, hfId: spec.model?.hf_id, paramsB: spec.model?.params_b });
  return cp?.source === "native" && cp.precision === "fp8" ? "fp8" : null;
}

/** A 16-bit checkpoint that a quantized precision asks to swap: the precision and the repo disagree. */
export function wantsQuantizedRepo(spec: WorkloadSpec, c: Checkpoint): boolean {
  const p = spec.precision;
  if (!c.modelId || c.quantization || !p || !(p === "int4" || p === "int8" || p === "fp8")) return false;
  return (spec.task ?? "inference") === "inference" || spec.task === "batch_processing";
}

const BYTES: Record<Precision, number> = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5 };
const METHOD_ORDER: Record<Quantization, number> = { awq: 0, gptq: 1, fp8: 2, "bnb-nf4": 3, gguf: 4 };

/**
 * Quantized repos vLLM can serve, smallest first (int4 before int8/fp8; AWQ before GPTQ), optionally
 * only those of one precision. GGUF is for Ollama/llama.cpp, not vLLM.
 */
export function servableVariants(variants: QuantizedVariant[], precision?: Precision): QuantizedVariant[] {
  return variants
    .filter((v) => v.quantization !== "gguf" && v.quantization !== "bnb-nf4" && (!precision || v.precision === precision))
    .sort((a, b) => BYTES[a.precision] - BYTES[b.precision] || METHOD_ORDER[a.quantization] - METHOD_ORDER[b.quantization] || b.popularity - a.popularity || a.id.localeCompare(b.id));
}

/** The architecture the sizing used for a spec (table or fallback), or null for non-LLM workloads. */
export function architectureOf(spec: WorkloadSpec): Architecture | null {
  try {
    return resolveArchitecture(sizingInputFromSpec(spec));
  } catch {
    return null;
  }
}

/** Whether a catalog repo id is the same architecture as the one sized (a family match, not a guess). */
export function sameArchitecture(id: string, arch: Architecture | null): boolean {
  return !!arch && findArchitecture(id)?.arch.id === arch.id;
}
