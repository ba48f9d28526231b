/**
 * JupyterHub (zero-to-jupyterhub chart) values for a development environment of N users: one
 * `singleuser.profileList` entry per planned profile, each a KubeSpawner override (`cpu_limit`,
 * `cpu_guarantee`, `mem_limit`, `mem_guarantee`, `extra_resource_limits`, `node_selector`,
 * `tolerations` — KubeSpawner configuration, jupyterhub-kubespawner.readthedocs.io/en/latest/spawner.html),
 * idle culling, the hub's resources and each user's home storage. Keys are checked against the chart's
 * values.schema.json (catalog/k8s-values/jupyterhub); profileList is a passthrough the schema does
 * not describe, so its keys are checked against KubeSpawner's names (validate/kubespawner.ts).
 */
import type { NotebookProfile } from "@/lib/schemas/plan";
import type { DeploymentContext } from "./context";
import { GPU_PRODUCT_LABEL, INSTANCE_TYPE_LABEL } from "./context";
import { gpuProductLabel } from "./gpu-label";
import { MIG_CONFIG_LABEL } from "./gpu-sharing";
import { GPU_TOLERATIONS } from "./pod-parts";
import { CPU_SERVICE, memoryQuantity, serviceStorage } from "./resources";

type Values = Record<string, unknown>;

/**
 * Idle culling: stop a user's server after 1 hour without activity, checked every 10 minutes — the
 * chart's own defaults (cull.timeout 3600, cull.every 600 in its values.yaml), written out so the
 * file says what frees a shared GPU.
 */
export const CULL = { enabled: true, timeout: 3600, every: 600 } as const;

/** GPUs a profile's server requests: whole GPUs, or one device (a time-slice replica or a MIG instance) for a share. */
export function profileGpuLimit(p: Pick<NotebookProfile, "gpus" | "gpu_sharing">): number {
  if (p.gpus <= 0) return 0;
  return p.gpu_sharing === "none" ? Math.max(1, Math.ceil(p.gpus)) : 1;
}

/** The node labels a GPU profile's server selects on. */
function profileNodeSelector(p: NotebookProfile, c: DeploymentContext): Record<string, string> | null {
  const instanceType = c.instance?.instance_type;
  if (p.gpu_sharing === "mig" && c.sharing?.migConfig) return { [MIG_CONFIG_LABEL]: c.sharing.migConfig }; // set by install.sh
  // Under time-slicing GPU Feature Discovery changes the product label (a "-SHARED" suffix), so the pool is selected by instance type.
  if (p.gpu_sharing !== "none" && instanceType) return { [INSTANCE_TYPE_LABEL]: instanceType };
  if (c.instance?.gpu_model) return { [GPU_PRODUCT_LABEL]: gpuProductLabel(c.instance.gpu_model) };
  return instanceType ? { [INSTANCE_TYPE_LABEL]: instanceType } : null;
}

function sharingNote(p: NotebookProfile): string {
  if (p.gpus <= 0) return "";
  if (p.gpu_sharing === "mig") return ` One MIG instance${p.mig_profile ? ` (${p.mig_profile})` : ""}: ${p.gpu_memory_gb} GB of GPU memory, isolated.`;
  if (p.gpu_sharing === "time_slicing") return ` A time-slice of a shared GPU (${p.gpu_memory_gb} GB planned per user; memory is not isolated).`;
  return ` ${profileGpuLimit(p)} dedicated GPU(s), ${p.gpu_memory_gb} GB of GPU memory.`;
}

export function profileListEntry(p: NotebookProfile, c: DeploymentContext): Values {
  const mem = memoryQuantity(p.memory_gb);
  const override: Values = { cpu_guarantee: p.vcpus, cpu_limit: p.vcpus, mem_guarantee: mem, mem_limit: mem };
  const gpus = profileGpuLimit(p);
  if (gpus > 0) {
    override.extra_resource_limits = { "nvidia.com/gpu": String(gpus) };
    const selector = profileNodeSelector(p, c);
    if (selector) override.node_selector = selector;
    override.tolerations = GPU_TOLERATIONS;
  }
  const base = p.description.trim();
  const description = `${base && !/[.!?]$/.test(base) ? `${base}.` : base}${sharingNote(p)}`.trim();
  return { display_name: p.name, description, default: p.default, kubespawner_override: override };
}

export function jupyterhubValues(c: DeploymentContext): Values {
  const profiles = c.d.profiles ?? [];
  const def = profiles.find((p) => p.default) ?? profiles[0];
  const singleuser: Values = {
    cpu: def ? { guarantee: def.vcpus, limit: def.vcpus } : { guarantee: 1, limit: 4 },
    memory: def ? { guarantee: memoryQuantity(def.memory_gb), limit: memoryQuantity(def.memory_gb) } : { guarantee: "4G", limit: "16G" },
    // Each user's home directory: resources.storage_gb is read as per user (one user server = one replica).
    storage: { capacity: serviceStorage(c, 50) },
  };
  if (profiles.length) {
    singleuser.profileList = profiles.map((p) => profileListEntry(p, c));
  } else if (c.gpuLimit > 0) {
    singleuser.extraResource = { limits: { "nvidia.com/gpu": String(c.gpuLimit) } };
    singleuser.nodeSelector = c.nodeSelector;
  }
  return { hub: { resources: CPU_SERVICE }, singleuser, cull: { ...CULL } };
}
