import { kubeGetJson } from "./kube-http";
import { resolveConnection, type ConnectionOptions } from "./kubeconfig";
import { fitsLocally, summarizeCluster } from "./summarize";
import type { GpuRequirement, LocalClusterStatus } from "./types";

export interface LocalCheckOptions extends ConnectionOptions, GpuRequirement {
  /** Whole check, both API calls included (default 2000 ms). */
  timeoutMs?: number;
}

const PODS_PATH = `/api/v1/pods?fieldSelector=${encodeURIComponent("status.phase!=Succeeded,status.phase!=Failed")}`;

function reason(e: unknown, timeoutMs: number): string {
  const err = e as NodeJS.ErrnoException & { cause?: unknown };
  if (err?.name === "AbortError" || err?.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  if (err?.code) return `${err.code}${err.message && !err.message.includes(err.code) ? ` (${err.message})` : ""}`;
  return err?.message ?? String(e);
}

function fitText(fits: boolean | null, req: GpuRequirement): string {
  if (req.requiredGpus === undefined && req.requiredGpuMemoryGb === undefined) return "";
  const want = `${req.requiredGpus ?? 1}× GPU${req.requiredGpuMemoryGb !== undefined ? ` with ≥${req.requiredGpuMemoryGb} GiB` : ""}`;
  if (fits === null) return `; cannot tell whether ${want} fits (GPU memory unknown)`;
  return fits ? `; ${want} fits on one node` : `; ${want} does not fit now`;
}

/**
 * Ask the local Kubernetes cluster (kubeconfig or in-cluster service account) how many GPUs are
 * free and whether a workload fits. Never throws; any failure is { connected: false, message }.
 */
export async function localCheck(opts: LocalCheckOptions = {}): Promise<LocalClusterStatus> {
  const resolved = resolveConnection(opts);
  if (!resolved.ok) return { connected: false, message: resolved.message };
  const { conn } = resolved;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const base = { context: conn.context, server: conn.server };
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const [nodesJson, podsJson] = await Promise.all([
      kubeGetJson(conn, "/api/v1/nodes", signal),
      kubeGetJson(conn, PODS_PATH, signal),
    ]);
    const { nodes, total_free_gpus } = summarizeCluster(nodesJson, podsJson);
    const fits = fitsLocally(nodes, opts);
    const gpuNodes = nodes.filter((n) => n.allocatable_gpus > 0).length;
    return {
      connected: true,
      message: `connected to ${conn.context ?? conn.server}: ${nodes.length} nodes (${gpuNodes} with GPUs), ${total_free_gpus} GPUs free${fitText(fits, opts)}`,
      ...base,
      nodes,
      total_free_gpus,
      fits,
    };
  } catch (e) {
    return { connected: false, message: `not connected: ${conn.server}: ${reason(e, timeoutMs)}`, ...base };
  }
}
