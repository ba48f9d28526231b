/**
 * The parts around the model: each other part of the request is sized (platforms from users,
 * data and rate; a small embeddings/reranker model on CPUs at the request's rate; another GPU model
 * on its own GPU node) and placed — on the model's node when it has room, or on a CPU node when
 * that is cheaper. Produces ArchitectFacts.stack: one PartPlan per component and the node pools.
 */
import { estimateMemory, layoutOn, cpuServingReasonable, sizingInputFromSpec } from "@/lib/sizing";
import { logicalGpuCount } from "@/lib/gpu/slices";
import type { InstanceOption, ModelOption, Sizing, StackNode } from "@/lib/schemas/plan";
import type { WorkloadComponent, WorkloadSpec } from "@/lib/schemas/workload-spec";
import { referenceModelFor } from "@/lib/agents/requirements/defaults";
import { bestNamedMatch } from "@/lib/search/hf-ranking";
import { expandAbbreviations, queryTokens } from "@/lib/search/text-query";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { ComponentPlan } from "./components";
import { TTS_ROLE } from "@/lib/agents/requirements/offline/components";
import { cpuSearchQuery, searchRows } from "./cpu-search";
import { deriveComputeQuery } from "./derive";
import { cpuKindOf, cpuModelNeed, gpuHostNeed, platformNeed, totalNeed, vectorDimFor, type CpuNeed } from "./part-sizing";
import { hasRoom, placeServices } from "./placement";
import type { ArchitectFacts, ArchitectTools, PartPlan } from "./types";
import { modelStorageGb } from "./storage";

const MODALITY_OF: Record<string, WorkloadSpec["modality"]> = {
  llm: "llm", embeddings: "embedding", reranker: "embedding", image_generation: "image_generation", speech: "speech", vision: "vision",
};
const HF_TASK: Record<string, string> = {
  embeddings: "feature-extraction", reranker: "text-classification", speech: "automatic-speech-recognition", image_generation: "text-to-image",
  vision: "object-detection", llm: "text-generation",
};
const RERANKER_REFERENCE = { name: "bge-reranker-large", hf_id: "BAAI/bge-reranker-large", params_b: 0.56 };

/** The catalog repo a secondary model part deploys: the one named (resolved), else its kind's reference model. */
export async function resolvePartModel(
  part: WorkloadComponent,
  tools: ArchitectTools,
): Promise<{ model: ModelOption | null; id: string | null; params_b: number | undefined; reference: string | null; missing?: string }> {
  const named = part.model?.hf_id ?? null;
  if (named) {
    const found = tools.lookupModels ? (await tools.lookupModels([named]))[0] ?? null : null;
    return { model: found, id: named, params_b: part.model?.params_b ?? found?.params_b ?? undefined, reference: null };
  }
  if (part.model?.name) {
    // The same rule as the requirements' resolver: the repo that was named, never a random fine-tune of it.
    const r = await tools.hfSearch({ query: part.model.name, task: part.role === TTS_ROLE ? "text-to-speech" : HF_TASK[part.kind], top_k: 5 });
    const best = bestNamedMatch(r.results, queryTokens(expandAbbreviations(part.model.name)));
    if (best) return { model: best, id: best.id, params_b: part.model.params_b ?? best.params_b ?? undefined, reference: null };
    return { model: null, id: null, params_b: part.model.params_b, reference: null, missing: part.model.name };
  }
  const workload = part.kind === "embeddings" ? "embeddings" : part.role === TTS_ROLE ? "text to speech" : undefined;
  const ref = part.kind === "reranker" ? RERANKER_REFERENCE : referenceModelFor({ modality: MODALITY_OF[part.kind] ?? "llm", workload });
  if (!ref?.hf_id) return { model: null, id: null, params_b: undefined, reference: null };
  const found = tools.lookupModels ? (await tools.lookupModels([ref.hf_id]))[0] ?? null : null;
  return { model: found, id: ref.hf_id, params_b: ref.params_b, reference: ref.name };
}

interface Secondary {
  index: number;
  plan: PartPlan;
  /** On CPU nodes: what it needs. */
  cpu?: CpuNeed;
  /** On its own GPU node. */
  gpuNode?: StackNode;
  model?: ModelOption | null;
}

/** Size and resolve every part after the first; GPU-bound model parts get their own node. */
export async function sizeSecondaryParts(f: Pick<ArchitectFacts, "spec" | "extras" | "components">, tools: ArchitectTools, from = 1): Promise<{ parts: Secondary[]; notes: string[] }> {
  const spec = f.spec;
  const out: Secondary[] = [];
  const notes: string[] = [];
  let vectorDim: number | undefined;
  const resolved = new Map<number, Awaited<ReturnType<typeof resolvePartModel>>>();
  for (const [i, { component: c }] of f.components.entries()) {
    if (i < from || !c.runsModel || !c.part) continue;
    const r = await resolvePartModel(c.part, tools);
    resolved.set(i, r);
    if (c.component === "embeddings") vectorDim ??= vectorDimFor(r.params_b);
  }
  for (const [i, { component: c }] of f.components.entries()) {
    if (i < from) continue;
    if (!c.runsModel) {
      const need = platformNeed(c, spec, vectorDim);
      out.push({ index: i, cpu: need, plan: { node: null, resources: need.resources, replicas: need.replicas, gpus_per_replica: 0, basis: need.basis, model_id: null, fits: true } });
      continue;
    }
    const r = resolved.get(i) ?? { model: null, id: null, params_b: undefined, reference: null };
    if (r.reference) notes.push(`No ${c.component} model named: ${r.id} (${r.reference}), a typical choice.`);
    if (r.missing) notes.push(`${r.missing} (${c.component}) is not in the model catalog: name its Hugging Face repo id to deploy it; it is sized on its published size here.`);
    const params = r.params_b ?? 0.335;
    const storage = modelStorageGb(params, "fp32");
    const cpuKind = c.component === "embeddings" || c.component === "reranker" || spec.cpu_only;
    const verdict = cpuServingReasonable({ kind: cpuKindOf(c.component), params_b: params, requests_per_second: spec.requests_per_second });
    if (cpuKind && (verdict.reasonable || spec.cpu_only)) {
      const need = cpuModelNeed(c.component, params, spec, storage);
      if (!verdict.reasonable && verdict.reason) notes.push(verdict.reason);
      out.push({ index: i, cpu: need, model: r.model, plan: { node: null, resources: need.resources, replicas: need.replicas, gpus_per_replica: 0, basis: need.basis, model_id: r.id, precision: "fp32", fits: true } });
      continue;
    }
    // A GPU model next to the primary one: sized on its own and given the cheapest GPU node that holds it.
    const partSpec: WorkloadSpec = { task: "inference", modality: MODALITY_OF[c.component] ?? "other", model: { name: c.part?.model?.name, hf_id: r.id ?? undefined, params_b: params }, concurrency: 1 };
    let sizing: Sizing;
    try {
      sizing = estimateMemory(sizingInputFromSpec(partSpec));
    } catch {
      out.push({ index: i, model: r.model, plan: { node: null, resources: null, replicas: 1, gpus_per_replica: 0, basis: [`${r.id ?? "The model"} could not be sized.`], model_id: r.id, fits: false } });
      continue;
    }
    const q = { ...deriveComputeQuery(partSpec, f.extras, sizing, { budgetCap: false }), top_k: 20 };
    const rows = await searchRows(tools, q, f.extras);
    const fitted = rows.map((x) => ({ x, l: layoutOn(sizing, { gpuCount: logicalGpuCount(x.gpu_count), perGpuGb: x.gpu_memory_gb_per_gpu ?? x.gpu_memory_gb / Math.max(1, x.gpu_count) }, { kind: "single_gpu" }) })).filter((y) => y.l.fits);
    const top = fitted[0];
    const stem = `gpu-${c.component.replace(/_/g, "-")}`;
    const id = out.some((p) => p.gpuNode?.id === stem) ? `${stem}-${i}` : stem; // two speech models: two pools
    const node: StackNode | undefined = top ? { id, role: "gpu", instance: top.x, count: 1, components: [c.component], monthly_cost_usd: top.x.monthly_cost_usd } : undefined;
    out.push({
      index: i, gpuNode: node, model: r.model,
      plan: {
        node: node?.id ?? null,
        resources: { vcpus: 4, memory_gb: Math.ceil(sizing.memory_gb_required + 8), storage_gb: modelStorageGb(params, "fp16"), gpus: 1 },
        replicas: 1, gpus_per_replica: 1,
        basis: [`${r.id ?? "The model"} needs ${sizing.memory_gb_required} GB of GPU memory (${sizing.formula}).`],
        model_id: r.id, precision: partSpec.precision ?? "fp16",
        memory_per_gpu_gb: top ? { needed: top.l.needed, usable: top.l.usable } : null,
        fits: !!top,
      },
    });
  }
  return { parts: out, notes };
}

/**
 * The stack of a GPU-model plan: part 0 on compute[0] (or, when the services fit there and that is
 * cheaper, on the cheapest instance that holds them all), the CPU services on it or on a CPU node.
 * Returns the facts with `stack` set and, when the services share the GPU node, compute narrowed to
 * the instances that hold them.
 */
export async function withStack(f: ArchitectFacts, tools: ArchitectTools): Promise<ArchitectFacts> {
  const { parts, notes } = await sizeSecondaryParts(f, tools);
  const layout = f.layouts[0];
  const gpus = layout ? layout.gpus_per_replica * Math.max(1, layout.replicas) : 0;
  const host = gpuHostNeed(f.sizing, gpus);
  const cpuParts = parts.filter((p) => p.cpu);
  const services = totalNeed(cpuParts.map((p) => p.cpu!));
  let compute = f.compute;
  let layouts = f.layouts;
  let cpuNode: InstanceOption | null = null;
  let together = true;
  // When the cheapest GPU node has room, one node is always the cheapest layout: no CPU node to price.
  const roomOnTop = !!f.compute.results[0] && hasRoom(f.compute.results[0], host, services);
  if (cpuParts.length && f.compute.results.length) {
    const cpu = roomOnTop ? [] : await searchRows(tools, cpuSearchQuery(f.spec, f.extras, services), f.extras);
    const placed = placeServices({ primary: f.compute.results, primaryCount: 1, primaryHost: host, services, cpu });
    together = placed.together;
    if (placed.together && placed.primaryIndex > 0) {
      // Only instances that hold the whole stack remain options (still cheapest first).
      const keep = f.compute.results.map((x, j) => j).filter((j) => j >= placed.primaryIndex && hasRoom(f.compute.results[j], host, services));
      compute = { ...f.compute, results: keep.map((j) => f.compute.results[j]) };
      layouts = keep.map((j) => f.layouts[j]);
    }
    cpuNode = placed.cpu;
    const c = placed.costs;
    notes.push(
      placed.together
        ? `The services (${services.vcpus} vCPU, ${services.memory_gb} GB RAM) run on the GPU node: it has room for them${c.split !== null ? `, and one node ($${c.together}/month) is not dearer than a GPU node plus a CPU node ($${c.split}/month)` : ""}.`
        : placed.cpu
          ? `The services (${services.vcpus} vCPU, ${services.memory_gb} GB RAM) run on a CPU node: a GPU node plus a CPU node costs $${c.split}/month${c.together !== null ? `, less than one GPU instance large enough for everything ($${c.together}/month)` : "; no GPU instance has room for them too"}.`
          : "No CPU node in the catalog matches the filters for the services; they share the GPU node.",
    );
  }
  const top = compute.results[0];
  const nodes: StackNode[] = [];
  const gpuNode: StackNode | null = top
    ? { id: top.gpu_count ? "gpu" : "cpu", role: top.gpu_count ? "gpu" : "cpu", instance: top, count: top.instance_count ?? 1, components: [f.components[0].component.component], monthly_cost_usd: Math.round(top.monthly_cost_usd * (top.instance_count ?? 1) * 100) / 100 }
    : null;
  if (gpuNode) nodes.push(gpuNode);
  const cpuPool: StackNode | null = cpuNode ? { id: "cpu", role: "cpu", instance: cpuNode, count: 1, components: [], monthly_cost_usd: cpuNode.monthly_cost_usd } : null;
  if (cpuPool) nodes.push(cpuPool);
  const planned: PartPlan[] = [primaryPart(f, layouts[0], host, gpuNode?.id ?? null)];
  for (const p of parts) {
    let node = p.plan.node;
    if (p.gpuNode) nodes.push(p.gpuNode);
    else if (p.cpu) {
      const pool = together || !cpuPool ? gpuNode : cpuPool;
      node = pool?.id ?? null;
      pool?.components.push(f.components[p.index].component.component);
    }
    planned[p.index] = { ...p.plan, node };
  }
  const models = mergeModels(f, parts);
  return { ...f, compute, layouts, models, stack: { kind: "gpu_model", parts: planned, nodes, notes } };
}

function primaryPart(f: ArchitectFacts, layout: ArchitectFacts["layouts"][number] | undefined, host: { vcpus: number; memory_gb: number }, node: string | null): PartPlan {
  const gpus = layout?.gpus_per_replica ?? 0;
  return {
    node,
    resources: { vcpus: host.vcpus, memory_gb: host.memory_gb, storage_gb: modelStorageGb(undefined, undefined, f.sizing.breakdown.weights), gpus },
    replicas: Math.max(1, layout?.replicas ?? 1),
    gpus_per_replica: gpus,
    basis: [`Host CPU and RAM for the model server: 4 vCPU + 2 per GPU, RAM = weights (${f.sizing.breakdown.weights ?? f.sizing.memory_gb_required} GB) + 8 GB runtime (stated defaults).`],
    model_id: f.checkpoint.modelId,
    fits: !!layout?.fits,
  };
}

/** The deployed models of the other parts join plan.models, right after the primary's. */
function mergeModels(f: ArchitectFacts, parts: Secondary[]): ArchitectFacts["models"] {
  const extra = parts.map((p) => p.model).filter((m): m is ModelOption => !!m);
  if (!extra.length) return f.models;
  const [first, ...rest] = f.models.results;
  const ids = new Set(extra.map((m) => m.id));
  const results = [...(first ? [first] : []), ...extra.filter((m) => m.id !== first?.id), ...rest.filter((m) => !ids.has(m.id))];
  return { ...f.models, results };
}

export type { RequirementsExtras };
