import type { GpuRequirement, NodeGpuSummary } from "./types";

export const GPU_RESOURCE = "nvidia.com/gpu";

type Resources = Record<string, string | number | undefined>;
interface Container { resources?: { requests?: Resources; limits?: Resources } }
interface KubeList<T> { items?: T[] }
interface KubeNode {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { unschedulable?: boolean };
  status?: { allocatable?: Resources; conditions?: { type?: string; status?: string }[] };
}
interface KubePod {
  spec?: { nodeName?: string; containers?: Container[]; initContainers?: Container[] };
  status?: { phase?: string };
}

function count(q: string | number | undefined): number {
  const n = typeof q === "number" ? q : Number.parseFloat(String(q ?? "0"));
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function containerGpus(c: Container): number {
  // For extended resources a limit alone implies an equal request.
  return count(c.resources?.requests?.[GPU_RESOURCE] ?? c.resources?.limits?.[GPU_RESOURCE]);
}

/** GPUs a pod holds: containers summed, or its largest init container if larger (k8s rule). */
export function podGpus(pod: KubePod): number {
  const main = (pod.spec?.containers ?? []).reduce((s, c) => s + containerGpus(c), 0);
  const init = Math.max(0, ...(pod.spec?.initContainers ?? []).map(containerGpus));
  return Math.max(main, init);
}

/** Per-GPU memory in GiB from GPU feature discovery's MiB label, else from a product name like "...-80GB". */
function gpuMemoryGb(labels: Record<string, string>): number | null {
  const mib = Number(labels["nvidia.com/gpu.memory"]);
  if (Number.isFinite(mib) && mib > 0) return Math.round((mib / 1024) * 10) / 10;
  const m = /(\d+)\s*GB\b/i.exec(labels["nvidia.com/gpu.product"] ?? "");
  return m ? Number(m[1]) : null;
}

/** Aggregate GET /api/v1/nodes and GET /api/v1/pods into per-node GPU capacity. Pure. */
export function summarizeCluster(nodesJson: unknown, podsJson: unknown): { nodes: NodeGpuSummary[]; total_free_gpus: number } {
  const requested = new Map<string, number>();
  for (const pod of (podsJson as KubeList<KubePod>)?.items ?? []) {
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    if (!node || phase === "Succeeded" || phase === "Failed") continue;
    requested.set(node, (requested.get(node) ?? 0) + podGpus(pod));
  }
  const nodes = ((nodesJson as KubeList<KubeNode>)?.items ?? []).map((n): NodeGpuSummary => {
    const name = n.metadata?.name ?? "";
    const labels = n.metadata?.labels ?? {};
    const ready = (n.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
    const schedulable = ready && !n.spec?.unschedulable;
    const allocatable = count(n.status?.allocatable?.[GPU_RESOURCE]);
    const req = requested.get(name) ?? 0;
    return {
      name,
      ready,
      schedulable,
      gpu_product: allocatable > 0 ? (labels["nvidia.com/gpu.product"] ?? null) : null,
      gpu_memory_gb: allocatable > 0 ? gpuMemoryGb(labels) : null,
      allocatable_gpus: allocatable,
      requested_gpus: req,
      free_gpus: schedulable ? Math.max(0, allocatable - req) : 0,
    };
  });
  return { nodes, total_free_gpus: nodes.reduce((s, n) => s + n.free_gpus, 0) };
}

/**
 * Whether one node has `requiredGpus` free GPUs with at least `requiredGpuMemoryGb` each
 * (multi-GPU inference needs the GPUs on one node). null: no requirement given, or the only
 * candidates have unknown GPU memory.
 */
export function fitsLocally(nodes: NodeGpuSummary[], req: GpuRequirement): boolean | null {
  if (req.requiredGpus === undefined && req.requiredGpuMemoryGb === undefined) return null;
  const gpus = req.requiredGpus ?? 1;
  if (gpus <= 0) return true;
  let unknown = false;
  for (const n of nodes) {
    if (n.free_gpus < gpus) continue;
    if (req.requiredGpuMemoryGb === undefined) return true;
    if (n.gpu_memory_gb === null) unknown = true;
    else if (n.gpu_memory_gb >= req.requiredGpuMemoryGb) return true;
  }
  return unknown ? null : false;
}
