import { ApiException } from "@kubernetes/client-node";
import { describeKubeError, listNodesAndPods } from "./kube-api";
import { forgetKubeConfig, loadKubeConfig, type ConnectionOptions } from "./kube-config";
import { fitsLocally, summarizeCluster } from "./summarize";
import type { GpuRequirement, LocalClusterStatus } from "./types";

export interface LocalCheckOptions extends ConnectionOptions, GpuRequirement {
  /** Whole check, credential plugin and both API calls included (default 2000 ms). */
  timeoutMs?: number;
}

function fitText(fits: boolean | null, req: GpuRequirement): string {
  if (req.requiredGpus === undefined && req.requiredGpuMemoryGb === undefined) return "";
  const want = `${req.requiredGpus ?? 1}× GPU${req.requiredGpuMemoryGb !== undefined ? ` with ≥${req.requiredGpuMemoryGb} GiB` : ""}`;
  if (fits === null) return `; cannot tell whether ${want} fits (GPU memory unknown)`;
  return fits ? `; ${want} fits on one node` : `; ${want} does not fit now`;
}

/**
 * Ask the local Kubernetes cluster (kubeconfig or in-cluster service account, through
 * @kubernetes/client-node) how many GPUs are free and whether a workload fits.
 * Never throws; any failure is { connected: false, message }.
 */
export async function localCheck(opts: LocalCheckOptions = {}): Promise<LocalClusterStatus> {
  const loaded = loadKubeConfig(opts);
  if (!loaded.ok) return { connected: false, message: loaded.message };
  const { kc, context, server } = loaded;
  const timeoutMs = opts.timeoutMs ?? 2000;
  try {
    const list = await listNodesAndPods(kc, timeoutMs);
    const { nodes, total_free_gpus } = summarizeCluster(list.nodes, list.pods);
    const fits = fitsLocally(nodes, opts);
    const gpuNodes = nodes.filter((n) => n.allocatable_gpus > 0).length;
    return {
      connected: true,
      message: `connected to ${context}: ${nodes.length} nodes (${gpuNodes} with GPUs), ${total_free_gpus} GPUs free${fitText(fits, opts)}`,
      context,
      server,
      nodes,
      total_free_gpus,
      fits,
    };
  } catch (e) {
    if (e instanceof ApiException && e.code === 401) forgetKubeConfig(kc);
    return { connected: false, message: `not connected: ${server}: ${describeKubeError(e, timeoutMs)}`, context, server };
  }
}
