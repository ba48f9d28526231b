/** A model served on CPUs (and the parts next to it), or a classical model on KServe's MLServer runtime. */
import { cpuServingReasonable } from "@/lib/sizing";
import type { StackNode } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import { cpuKindOf, cpuModelNeed, totalNeed, type CpuNeed } from "./part-sizing";
import { resolvePartModel, sizeSecondaryParts } from "./stack";
import { modelStorageGb } from "./storage";
import type { ArchitectFacts, ArchitectTools, PartPlan } from "./types";
import type { Checkpoint } from "./checkpoint";
import { cpuPool, cpuSizing, cpuLayout, pool, type StackResult } from "./stack-pools";

/** A model on CPUs (and the other parts next to it), sized from the request rate. */
export async function cpuModelStack(spec: WorkloadSpec, extras: RequirementsExtras, tools: ArchitectTools, base: Pick<ArchitectFacts, "spec" | "extras" | "components">): Promise<StackResult> {
  const primary = base.components[0].component;
  const resolved = primary.part ? await resolvePartModel({ ...primary.part, model: spec.model ?? primary.part.model }, tools) : { model: null, id: spec.model?.hf_id ?? null, params_b: spec.model?.params_b, reference: null };
  const classical = primary.engine === "mlserver";
  // A classical model (XGBoost, scikit-learn) is the user's own: no repo; sized as a 10M-parameter model on CPUs (stated default).
  const params = spec.model?.params_b ?? (classical ? 0.01 : (resolved.params_b ?? extras.reference_model?.params_b ?? 0.1));
  const modelId = classical ? null : (spec.model?.hf_id ?? resolved.id ?? extras.reference_model?.hf_id ?? null);
  const llm = primary.component === "llm";
  const precision = llm ? "int4" : "fp32";
  // An encoder classifier on TEI is sized on short texts, not document chunks.
  const cpuKind = primary.engine === "tei" && primary.component === "other" ? "classifier" : primary.component;
  const need = classical ? classicalNeed(spec) : cpuModelNeed(cpuKind, params, spec, modelStorageGb(params, precision));
  const verdict = cpuServingReasonable({ kind: cpuKindOf(cpuKind), params_b: params, requests_per_second: spec.requests_per_second });
  const sized = await sizeSecondaryParts(base, tools, 1);
  const parts: PartPlan[] = [
    { node: null, resources: need.resources, replicas: need.replicas, gpus_per_replica: 0, basis: need.basis, model_id: modelId, precision, fits: true },
    ...sized.parts.map((p) => ({ ...p.plan })),
  ];
  const notes = [...sized.notes];
  if (!verdict.reasonable && verdict.reason) notes.push(verdict.reason);
  const total = totalNeed([need, ...sized.parts.filter((p) => p.cpu).map((p) => p.cpu!)]);
  const r = await cpuPool(spec, extras, tools, total);
  const top = r.ranked[0];
  const nodes: StackNode[] = top ? [pool("cpu", top.x, top.n, base.components.map((c) => c.component.component))] : [];
  parts.forEach((p) => (p.node = top ? "cpu" : null));
  const rate = spec.requests_per_second;
  const sizing = cpuSizing(
    `CPU only: ${need.replicas} × ${need.resources.vcpus} vCPU and ${need.resources.memory_gb} GB RAM for ${modelId ?? "the model"}${rate ? ` at ${rate} requests/s` : ""}; ${total.vcpus} vCPU and ${total.memory_gb} GB RAM for the whole stack; no GPU memory`,
    parts,
  );
  const checkpoint: Checkpoint = { modelId, precision: classical ? null : precision, quantization: null, reason: classical ? "none" : spec.model?.hf_id ? "named" : "reference" };
  return {
    sizing, sizedSpec: { ...spec, precision }, checkpoint, compute: r.ranked.map((x) => x.x), layout: cpuLayout(need.replicas), query: r.query, parts, nodes, notes,
    assumptions: [], secondaryModels: sized.parts.map((p) => p.model).filter((m): m is NonNullable<typeof m> => !!m),
  };
}

/** Rows per second one vCPU predicts with a tree ensemble or linear model, batched by MLServer (stated default). */
export const CLASSICAL_ROWS_PER_VCPU = 200;

/** A classical model (XGBoost, LightGBM, scikit-learn) on CPUs: vCPUs from the request rate. */
function classicalNeed(spec: WorkloadSpec): CpuNeed {
  const rate = spec.requests_per_second ?? 10;
  const vcpus = Math.max(2, Math.ceil(rate / (CLASSICAL_ROWS_PER_VCPU * 0.7)));
  return {
    resources: { vcpus, memory_gb: 4, storage_gb: 20, gpus: 0 },
    replicas: 1,
    basis: [
      `vCPUs = max(2, ceil(${rate} requests/s ÷ (${CLASSICAL_ROWS_PER_VCPU} predictions/s per vCPU × 70% target utilisation))) = ${vcpus} (stated default for a tree ensemble or linear model behind MLServer).`,
      ...(spec.requests_per_second ? [] : ["No request rate given: 10 requests/s (stated default)."]),
      "RAM 4 GB: the MLServer runtime plus a model of a few hundred MB (stated default).",
    ],
  };
}
