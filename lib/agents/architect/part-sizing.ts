/**
 * What each part of a stack needs on CPU nodes: platforms and tools (lib/sizing/platform.ts, from
 * users, data and request rate), models served on CPUs (lib/sizing/cpu-serving.ts), and the host
 * CPU and RAM a GPU model server takes on its own node. Pure.
 */
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { Resources, Sizing } from "@/lib/schemas/plan";
import { cpuServingSize, sizePlatformService, type CpuServingKind } from "@/lib/sizing";
import type { ComponentPlan } from "./components";

export interface CpuNeed {
  /** Per replica. */
  resources: Resources;
  replicas: number;
  basis: string[];
}

/** Kubelet, system daemons and the container runtime on every node (stated default, as kube-reserved + system-reserved). */
export const NODE_RESERVE = { vcpus: 1, memory_gb: 2 };

/** Embedding width of the model a vector DB stores (1024 for bge-large / e5-large; 768 for base models; 384 for MiniLM / bge-small). */
export function vectorDimFor(paramsB: number | undefined): number | undefined {
  if (paramsB === undefined) return undefined;
  if (paramsB <= 0.04) return 384;
  if (paramsB <= 0.15) return 768;
  return 1024;
}

/** A platform or tool: sized from the request's users, data and rate (stated defaults otherwise). */
export function platformNeed(c: ComponentPlan, spec: WorkloadSpec, vectorDim?: number): CpuNeed {
  const tool = c.tool ?? c.engine;
  const s = sizePlatformService(tool, { users: spec.users, data_gb: spec.data_gb, requests_per_second: spec.requests_per_second, vector_dim: vectorDim });
  const db = s.database;
  const basis = [...s.basis, ...s.defaults];
  if (db) basis.push(`Its ${db.engine} database: ${db.vcpus} vCPU, ${db.memory_gb} GB RAM, ${db.storage_gb} GB disk (counted in the node's size).`);
  return {
    resources: {
      vcpus: s.vcpus + (db?.vcpus ?? 0),
      memory_gb: s.memory_gb + (db?.memory_gb ?? 0),
      storage_gb: s.storage_gb + (db?.storage_gb ?? 0),
      gpus: 0,
    },
    replicas: Math.max(1, s.replicas),
    basis,
  };
}

const CPU_KIND: Record<string, CpuServingKind> = { embeddings: "embeddings", reranker: "reranker", classifier: "classifier", llm: "llm", vision: "vision", speech: "speech" };

/** The CPU-serving kind of a component ("classifier" for an encoder classifier), "other" when none fits. */
export function cpuKindOf(component: string): CpuServingKind {
  return CPU_KIND[component] ?? "other";
}

/** A model served on CPUs at the request's rate. */
export function cpuModelNeed(component: string, paramsB: number, spec: WorkloadSpec, storageGb: number): CpuNeed {
  const s = cpuServingSize({ kind: cpuKindOf(component), params_b: paramsB, requests_per_second: spec.requests_per_second });
  return { resources: { vcpus: s.vcpus, memory_gb: s.memory_gb, storage_gb: storageGb, gpus: 0 }, replicas: Math.max(1, s.replicas), basis: [...s.basis, ...s.defaults] };
}

/**
 * Host CPU and RAM a GPU model server takes on its node: 4 vCPUs plus 2 per GPU for the engine's
 * scheduler, tokenizer and data loading, and RAM for the weights as they load through host memory
 * plus 8 GB for the runtime (stated defaults).
 */
export function gpuHostNeed(sizing: Sizing, gpus: number): { vcpus: number; memory_gb: number } {
  const weights = sizing.breakdown.weights ?? sizing.memory_gb_required;
  return { vcpus: 4 + 2 * Math.max(0, gpus), memory_gb: Math.ceil(Math.max(0, weights) + 8) };
}

/** The total of several needs (every replica), plus the node reserve. */
export function totalNeed(needs: CpuNeed[]): { vcpus: number; memory_gb: number; storage_gb: number } {
  return {
    vcpus: needs.reduce((a, n) => a + n.resources.vcpus * n.replicas, 0),
    memory_gb: needs.reduce((a, n) => a + n.resources.memory_gb * n.replicas, 0),
    storage_gb: needs.reduce((a, n) => a + n.resources.storage_gb * n.replicas, 0),
  };
}
