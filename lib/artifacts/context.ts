/**
 * What every file generator needs about one deployment, read from the plan (never recomputed):
 * the node pool and instance it runs on, the charts that install it (catalog versions), whether
 * its model is gated, the model storage to provision, the node label that pins it to its pool,
 * the resources one replica requests, and the plan's GPU sharing (time-slicing / MIG).
 */
import type { Deployment, DeploymentPlan, InstanceOption, PackageOption, Resources, StackNode } from "@/lib/schemas/plan";
import { MODEL_COMPONENTS } from "@/lib/schemas/components";
import { gpuProductLabel } from "./gpu-label";
import { type GpuSharing, gpuSharingOf } from "./gpu-sharing";
import { GPU_PRODUCT_LABEL, INSTANCE_TYPE_LABEL, deploymentInstance } from "./placement";

export { GPU_PRODUCT_LABEL, INSTANCE_TYPE_LABEL } from "./placement";

/** Namespace every file installs into; the HF token Secret lives there too. */
export const NAMESPACE = "stack8s";
/** The Secret a gated model's token is read from (created by install.sh from $HF_TOKEN, never written into a file). */
export const HF_SECRET = { name: "hf-token", key: "token" } as const;

export type ChartRef = Pick<PackageOption, "repository" | "name" | "version" | "install_command"> & { repository_url?: string | null };

/** The charts of each component, in install order (prerequisites first), as the architect chose them; same order as deployments[]. */
export interface ComponentCharts {
  component: string;
  charts: ChartRef[];
}

export interface DeploymentContext {
  /** The deployment, with model_id as the files deploy it (fileModelId). */
  d: Deployment;
  /** Position in plan.deployments[]. */
  index: number;
  /** The node pool it runs on (plan.nodes[] by deployments[].node), or null. */
  node: StackNode | null;
  /** The instance it runs on: its node's, or compute[0] when the deployment names that instance; null when unknown. */
  instance: InstanceOption | null;
  charts: ChartRef[];
  gated: boolean;
  /** PVC / disk size for the model files, GiB. */
  modelStorageGi: number;
  /** `nvidia.com/gpu.product` value of the instance's GPU, or null without a GPU. */
  gpuProduct: string | null;
  /** Whole GPUs to request per replica (a GPU slice still requests one device). */
  gpuLimit: number;
  /**
   * Labels that pin the pods to the planned pool: the GPU product for GPU deployments, the instance
   * type for GPU-less deployments on a CPU node; empty when the plan names no node.
   */
  nodeSelector: Record<string, string>;
  /** What one replica requests (deployments[].resources), or null (then half the instance, see containerResources). */
  resources: Resources | null;
  /** The plan's GPU sharing for notebook profiles (same for every deployment of the plan), or null. */
  sharing: GpuSharing | null;
}

/** Model files on disk: the weights the sizing counted, plus 25% and 10 GiB for tokenizer, cache and temp files; whole tens of GiB. */
export function modelStorageGi(weightsGb: number | undefined): number {
  const w = Number.isFinite(weightsGb) && weightsGb! > 0 ? weightsGb! : 0;
  return Math.max(20, Math.ceil((w * 1.25 + 10) / 10) * 10);
}

/**
 * The checkpoint the files deploy: deployments[i].model_id, or — for the first deployment when the
 * request named no exact repo — the plan's top model (models[0], the one the summary recommends).
 * Tools and platforms (no model component) and Ollama without a model deploy none.
 */
export function fileModelId(plan: DeploymentPlan, i: number): string | null {
  const d = plan.deployments?.[i];
  if (!d) return null;
  if (d.model_id) return d.model_id;
  // Only the first deployment stands in for the plan's top model, and only when it runs a model and is
  // not a tool deployed on its own (an Ollama server without a model: the user pulls models later).
  if (i !== 0 || d.tool || !MODEL_COMPONENTS.has(d.component)) return null;
  return plan.models[0]?.id ?? null;
}

export function deploymentContexts(plan: DeploymentPlan, charts: ComponentCharts[]): DeploymentContext[] {
  const sharing = gpuSharingOf(plan);
  return (plan.deployments ?? []).map((planned, i) => {
    const d: Deployment = { ...planned, model_id: fileModelId(plan, i) };
    const { node, instance } = deploymentInstance(plan, d);
    const gpus = d.gpus_per_replica > 0 ? Math.max(1, Math.ceil(d.gpus_per_replica)) : 0;
    const gpuProduct = gpus && instance?.gpu_model ? gpuProductLabel(instance.gpu_model) : null;
    const nodeSelector: Record<string, string> = gpuProduct
      ? { [GPU_PRODUCT_LABEL]: gpuProduct }
      : !gpus && instance && instance.gpu_count === 0
        ? { [INSTANCE_TYPE_LABEL]: instance.instance_type }
        : {};
    return {
      d,
      index: i,
      node,
      instance,
      charts: charts[i]?.component === d.component ? charts[i].charts : [],
      gated: !!d.model_id && plan.models.some((m) => m.id === d.model_id && m.gated),
      modelStorageGi: modelStorageGi(i === 0 && d.model_id ? plan.sizing.breakdown.weights : undefined),
      gpuProduct,
      gpuLimit: gpus,
      nodeSelector,
      resources: d.resources ?? null,
      sharing,
    };
  });
}

/** A name Kubernetes accepts (RFC 1123 label): lower case, digits and dashes, ≤ 63 characters. */
export function k8sName(...parts: string[]): string {
  const s = parts.join("-").toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  return (s.slice(0, 63).replace(/-$/, "") || "app");
}
