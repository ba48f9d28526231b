/**
 * Node pools for plans without a GPU model: the result every such stack returns, CPU pools sized to a
 * total need (one node, or several of a large type, ranked by the pool's cost), and the sizing object
 * of a plan that needs no GPU.
 */
import { type Layout } from "@/lib/sizing";
import type { InstanceOption, Sizing, StackNode } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { ComputeSearchInput } from "@/lib/schemas/tools";
import { cpuSearchQuery, MAX_CPU_NODE, searchRows } from "./cpu-search";
import { NODE_RESERVE } from "./part-sizing";
import { resolvePartModel } from "./stack";
import type { ArchitectTools, PartPlan } from "./types";
import type { Checkpoint } from "./checkpoint";

export const NONE: Checkpoint = { modelId: null, precision: null, quantization: null, reason: "none" };
export const cpuLayout = (replicas = 1): Layout => ({ tensor_parallel_size: null, pipeline_parallel_size: null, gpus_per_replica: 0, replicas, needed: 0, usable: 0, fits: true });

export interface StackResult {
  sizing: Sizing;
  sizedSpec?: WorkloadSpec;
  checkpoint: Checkpoint;
  compute: InstanceOption[];
  layout: Layout;
  query: ComputeSearchInput;
  parts: PartPlan[];
  nodes: StackNode[];
  notes: string[];
  assumptions: string[];
  secondaryModels: NonNullable<Awaited<ReturnType<typeof resolvePartModel>>["model"]>[];
}

/** A node pool of `count` × instance holding the parts listed. */
export function pool(id: string, x: InstanceOption, count: number, parts: string[]): StackNode {
  return { id, role: x.gpu_count ? "gpu" : "cpu", instance: x, count, components: parts, monthly_cost_usd: Math.round(x.monthly_cost_usd * count * 100) / 100 };
}

/** Nodes of `x` needed for a CPU total (whole nodes, each less its reserve). */
function cpuNodesFor(x: InstanceOption, total: { vcpus: number; memory_gb: number }): number {
  const v = Math.max(1, (x.vcpus ?? 0) - NODE_RESERVE.vcpus);
  const m = Math.max(1, (x.memory_gb ?? 0) - NODE_RESERVE.memory_gb);
  return Math.max(1, Math.ceil(total.vcpus / v), Math.ceil(total.memory_gb / m));
}

/** CPU nodes for a total need: one node when one holds it, else several of a large type; ranked by the pool's cost. */
export async function cpuPool(spec: WorkloadSpec, extras: RequirementsExtras, tools: ArchitectTools, total: { vcpus: number; memory_gb: number }) {
  const one = total.vcpus + NODE_RESERVE.vcpus <= MAX_CPU_NODE.vcpus && total.memory_gb + NODE_RESERVE.memory_gb <= MAX_CPU_NODE.memory_gb;
  const need = one ? total : { vcpus: Math.min(total.vcpus, 32), memory_gb: Math.min(total.memory_gb, 128) };
  const query = cpuSearchQuery(spec, extras, need);
  const rows = await searchRows(tools, query, extras);
  const ranked = rows
    .map((x) => ({ x: { ...x, ...(cpuNodesFor(x, total) > 1 ? { instance_count: cpuNodesFor(x, total) } : {}) }, n: cpuNodesFor(x, total) }))
    .sort((a, b) => a.x.price_per_hour_usd * a.n - b.x.price_per_hour_usd * b.n);
  return { query, ranked };
}

/** A CPU plan's sizing: no GPU memory; the formula and assumptions say what the CPUs must hold. */
export function cpuSizing(formula: string, parts: PartPlan[]): Sizing {
  return { memory_gb_required: 0, breakdown: {}, formula, assumptions: [...new Set(parts.flatMap((p) => p.basis))], source: "formula" };
}

