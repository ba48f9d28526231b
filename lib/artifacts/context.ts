/**
 * What every file generator needs about one deployment, read from the plan (never recomputed):
 * the instance it runs on, the charts that install it (catalog versions), whether its model is
 * gated, the model storage to provision and the GPU node label.
 */
import type { Deployment, DeploymentPlan, InstanceOption, PackageOption } from "@/lib/schemas/plan";
import { gpuProductLabel } from "./gpu-label";

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
  /** compute[0] when the deployment runs on the plan's instance; null for CPU services. */
  instance: InstanceOption | null;
  charts: ChartRef[];
  gated: boolean;
  /** PVC / disk size for the model files, GiB. */
  modelStorageGi: number;
  /** `nvidia.com/gpu.product` value of the instance's GPU, or null without a GPU. */
  gpuProduct: string | null;
  /** Whole GPUs to request per replica (a GPU slice still requests one device). */
  gpuLimit: number;
}

/** Model files on disk: the weights the sizing counted, plus 25% and 10 GiB for tokenizer, cache and temp files; whole tens of GiB. */
export function modelStorageGi(weightsGb: number | undefined): number {
  const w = Number.isFinite(weightsGb) && weightsGb! > 0 ? weightsGb! : 0;
  return Math.max(20, Math.ceil((w * 1.25 + 10) / 10) * 10);
}

/**
 * The checkpoint the files deploy: deployments[i].model_id, or — for the first deployment when the
 * request named no exact repo — the plan's top model (models[0], the one the summary recommends).
 */
export function fileModelId(plan: DeploymentPlan, i: number): string | null {
  return plan.deployments?.[i]?.model_id ?? (i === 0 ? (plan.models[0]?.id ?? null) : null);
}

export function deploymentContexts(plan: DeploymentPlan, charts: ComponentCharts[]): DeploymentContext[] {
  const top = plan.compute[0] ?? null;
  return (plan.deployments ?? []).map((planned, i) => {
    const d: Deployment = { ...planned, model_id: fileModelId(plan, i) };
    const instance = d.instance && top && top.instance_type === d.instance.instance_type && top.provider === d.instance.provider ? top : null;
    const gpus = d.gpus_per_replica > 0 ? Math.max(1, Math.ceil(d.gpus_per_replica)) : 0;
    return {
      d,
      instance,
      charts: charts[i]?.component === d.component ? charts[i].charts : [],
      gated: !!d.model_id && plan.models.some((m) => m.id === d.model_id && m.gated),
      modelStorageGi: modelStorageGi(i === 0 && d.model_id ? plan.sizing.breakdown.weights : undefined),
      gpuProduct: gpus && instance?.gpu_model ? gpuProductLabel(instance.gpu_model) : null,
      gpuLimit: gpus,
    };
  });
}

/** A name Kubernetes accepts (RFC 1123 label): lower case, digits and dashes, ≤ 63 characters. */
export function k8sName(...parts: string[]): string {
  const s = parts.join("-").toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  return (s.slice(0, 63).replace(/-$/, "") || "app");
}
