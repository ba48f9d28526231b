/** Platforms and tools only (MLflow, vector DBs, monitoring, Ollama with no model …): sized and placed, no model invented. */
import { logicalGpuCount } from "@/lib/gpu/slices";
import type { InstanceOption, Sizing, StackNode } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { ComputeSearchInput } from "@/lib/schemas/tools";
import { cpuSearchQuery, searchRows } from "./cpu-search";
import { totalNeed, type CpuNeed } from "./part-sizing";
import { placeServices } from "./placement";
import { sizeSecondaryParts } from "./stack";
import type { ArchitectFacts, ArchitectTools, PartPlan } from "./types";
import { cpuPool, cpuSizing, cpuLayout, NONE, pool, type StackResult } from "./stack-pools";

/** GPU memory for an Ollama server with no model named yet: 24 GB runs 4-bit models up to about 30B (stated default). */
export const OLLAMA_DEFAULT_GPU_GB = 24;

/** Platforms and tools only: all on CPU nodes, except Ollama (and GPUs the user pinned for Ray) on a GPU node. */
export async function platformStack(spec: WorkloadSpec, extras: RequirementsExtras, tools: ArchitectTools, base: Pick<ArchitectFacts, "spec" | "extras" | "components">): Promise<StackResult> {
  const comps = base.components.map((c) => c.component);
  const sized = await sizeSecondaryParts(base, tools, 0);
  const gpuIdx = spec.cpu_only ? -1 : comps.findIndex((c) => c.tool === "ollama" || (c.component === "distributed" && (spec.gpu?.count || spec.gpu?.model)));
  const parts: PartPlan[] = sized.parts.map((p) => ({ ...p.plan }));
  const cpuNeeds: CpuNeed[] = sized.parts.filter((p, i) => p.cpu && i !== gpuIdx).map((p) => p.cpu!);
  const notes = [...sized.notes];
  const assumptions: string[] = [];
  const nodes: StackNode[] = [];
  let compute: InstanceOption[] = [];
  let query: ComputeSearchInput;
  let sizing: Sizing;
  if (gpuIdx >= 0) {
    const c = comps[gpuIdx];
    const perGpu = spec.gpu?.memory_gb_per_gpu ?? OLLAMA_DEFAULT_GPU_GB;
    const count = spec.gpu?.count ?? 1;
    query = { gpu: "required", top_k: 40, min_gpu_count: count, min_gpu_memory_gb: spec.gpu?.model ? undefined : perGpu, ...(spec.gpu?.model ? { gpu_model: spec.gpu.model } : { gpu_vendor: "nvidia", modern_gpus_only: true }) };
    if (spec.providers?.length) query.providers = spec.providers;
    if (extras.excluded_providers.length) query.exclude_providers = extras.excluded_providers;
    const services = totalNeed(cpuNeeds);
    const gpuRows = await searchRows(tools, query, extras);
    const cpu = cpuNeeds.length ? await searchRows(tools, cpuSearchQuery(spec, extras, services), extras) : [];
    const host = { vcpus: parts[gpuIdx].resources?.vcpus ?? 4, memory_gb: parts[gpuIdx].resources?.memory_gb ?? 16 };
    const placed = placeServices({ primary: gpuRows, primaryCount: 1, primaryHost: host, services, cpu });
    compute = gpuRows.slice(placed.primaryIndex);
    const top = compute[0];
    const gpus = top ? logicalGpuCount(top.gpu_count) : count;
    parts[gpuIdx] = { ...parts[gpuIdx], gpus_per_replica: Math.max(1, Math.floor(gpus)), resources: { ...parts[gpuIdx].resources!, gpus: Math.max(1, Math.floor(gpus)) } };
    const what = c.tool === "ollama" ? "Ollama" : "the Ray workers";
    sizing = {
      memory_gb_required: perGpu,
      breakdown: { gpu_memory: perGpu },
      formula: `${what}: ${count} GPU(s) with ${perGpu} GB each${spec.gpu?.memory_gb_per_gpu || spec.gpu?.model ? " (as you asked)" : ` (stated default: ${OLLAMA_DEFAULT_GPU_GB} GB runs 4-bit models up to about 30B parameters)`}; no model is deployed, so none is sized`,
      assumptions: [],
      source: "user_constraint",
    };
    if (top) nodes.push(pool("gpu", top, 1, [c.component]));
    if (placed.cpu && !placed.together) nodes.push(pool("cpu", placed.cpu, 1, []));
    const svcNode = placed.together || !placed.cpu ? "gpu" : "cpu";
    parts.forEach((p, i) => {
      if (i === gpuIdx) p.node = top ? "gpu" : null;
      else {
        p.node = svcNode;
        nodes.find((n) => n.id === svcNode)?.components.push(comps[i].component);
      }
    });
  } else {
    const total = totalNeed(cpuNeeds);
    const r = await cpuPool(spec, extras, tools, total);
    query = r.query;
    compute = r.ranked.map((x) => x.x);
    const top = r.ranked[0];
    if (top) nodes.push(pool("cpu", top.x, top.n, comps.map((c) => c.component)));
    parts.forEach((p) => (p.node = top ? "cpu" : null));
    sizing = cpuSizing(`No GPU: ${comps.map((c) => c.tool ?? c.engine).join(" + ")} need ${total.vcpus} vCPU, ${total.memory_gb} GB RAM and ${total.storage_gb} GB disk in total`, parts);
  }
  return { sizing, checkpoint: NONE, compute, layout: cpuLayout(), query, parts, nodes, notes, assumptions, secondaryModels: sized.parts.map((p) => p.model).filter((m): m is NonNullable<typeof m> => !!m) };
}

