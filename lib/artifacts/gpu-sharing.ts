/**
 * GPU sharing for notebook profiles (development environments), as the NVIDIA GPU Operator does it:
 *
 * - Time-slicing: the device plugin advertises each GPU as N `nvidia.com/gpu` replicas, configured by
 *   a ConfigMap (`version: v1`, `sharing.timeSlicing.resources: [{name: nvidia.com/gpu, replicas: N}]`)
 *   that the operator's `devicePlugin.config.name` / `devicePlugin.config.default` point to
 *   ("Time-Slicing GPUs in Kubernetes", docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/gpu-sharing.html).
 *   No memory or fault isolation between the replicas.
 * - MIG: the operator's MIG manager partitions the GPUs of a node labelled `nvidia.com/mig.config=<config>`
 *   (e.g. `all-3g.40gb`: every GPU into 3g.40gb instances). We use the `single` strategy (`mig.strategy:
 *   single`): every GPU of the node is split the same way and each MIG instance is still advertised as
 *   `nvidia.com/gpu`, so a profile requests `nvidia.com/gpu: 1` either way ("GPU Operator with MIG",
 *   docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/gpu-operator-mig.html).
 */
import { ConfigMap } from "kubernetes-models/v1";
import { stringify } from "yaml";
import type { DeploymentPlan, NotebookProfile } from "@/lib/schemas/plan";
import { deploymentInstance } from "./placement";

/** The ConfigMap the device plugin reads, and the key in it applied to every GPU node by default. */
export const TIME_SLICING_CONFIG = { name: "time-slicing-config", key: "any" } as const;
/** The MIG manager's node label. */
export const MIG_CONFIG_LABEL = "nvidia.com/mig.config";

export interface GpuSharing {
  mode: "time_slicing" | "mig";
  /** Time-slicing: how many `nvidia.com/gpu` each physical GPU is advertised as (users per GPU). */
  replicas: number | null;
  /** MIG: the instance profile (e.g. 3g.40gb) and the MIG manager config that applies it to every GPU (all-3g.40gb). */
  migProfile: string | null;
  migConfig: string | null;
  /** The instance type of the GPU node pool the profiles run on (to label and select its nodes), or null. */
  instanceType: string | null;
  /** The deployments[] index of the notebooks deployment the sharing is for. */
  index: number;
}

/**
 * Users per GPU under time-slicing: 1 / the profile's share when it asks for a fraction (0.25 → 4),
 * else the users spread over the pool's GPUs (users / (GPUs per node × nodes), rounded up).
 */
export function usersPerGpu(p: Pick<NotebookProfile, "gpus">, users: number | null | undefined, poolGpus: number | null): number {
  if (p.gpus > 0 && p.gpus < 1) return Math.max(1, Math.round(1 / p.gpus));
  if (!users || users < 1 || !poolGpus || poolGpus < 1) return 1;
  return Math.max(1, Math.ceil(users / poolGpus));
}

/** The plan's GPU sharing: from the first notebooks deployment whose profiles share GPUs (one node pool, one mode). */
export function gpuSharingOf(plan: DeploymentPlan): GpuSharing | null {
  for (const [index, d] of (plan.deployments ?? []).entries()) {
    const shared = (d.profiles ?? []).filter((p) => p.gpus > 0 && p.gpu_sharing !== "none");
    if (!shared.length) continue;
    const { node, instance } = deploymentInstance(plan, d);
    const poolGpus = instance && instance.gpu_count >= 1 ? instance.gpu_count * (node?.count ?? 1) : null;
    const instanceType = instance?.instance_type ?? null;
    const mig = shared.find((p) => p.gpu_sharing === "mig");
    if (mig) {
      const profile = mig.mig_profile && /^[0-9]+g\.[0-9]+gb$/.test(mig.mig_profile) ? mig.mig_profile : null;
      return { mode: "mig", replicas: null, migProfile: profile, migConfig: profile ? `all-${profile}` : null, instanceType, index };
    }
    const replicas = Math.max(...shared.map((p) => usersPerGpu(p, d.users, poolGpus)));
    if (replicas < 2) continue; // one user per GPU: nothing to share
    return { mode: "time_slicing", replicas, migProfile: null, migConfig: null, instanceType, index };
  }
  return null;
}

/** The device plugin's time-slicing config (the ConfigMap's data value), as NVIDIA documents it. */
export function timeSlicingConfig(replicas: number): Record<string, unknown> {
  return {
    version: "v1",
    flags: { migStrategy: "none" },
    sharing: { timeSlicing: { resources: [{ name: "nvidia.com/gpu", replicas }] } },
  };
}

/** The time-slicing ConfigMap (in the namespace the GPU Operator is installed into), validated with kubernetes-models. */
export function timeSlicingConfigMap(replicas: number, namespace: string): object {
  const cm = new ConfigMap({
    metadata: { name: TIME_SLICING_CONFIG.name, namespace },
    data: { [TIME_SLICING_CONFIG.key]: stringify(timeSlicingConfig(replicas)) },
  });
  cm.validate();
  return cm.toJSON() as object;
}
