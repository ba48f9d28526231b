/**
 * Hand-built answers that do what a case asks, so the suite can show its judges are satisfiable
 * (a judge nothing can pass is as useless as one that passes everything). Shapes only: the
 * instance names and prices are placeholders, not catalog data.
 */
import type { ChatResponse } from "@/lib/schemas/chat";
import type { ComponentKind } from "@/lib/schemas/components";
import type { Artifact } from "@/lib/schemas/artifacts";
import type { Deployment, DeploymentPlan, InstanceOption, NotebookProfile, StackNode } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";

const HOURS = 730;

export function instance(gpus: number, hourly: number, gpuModel: string | null = gpus ? "L4" : null): InstanceOption {
  return {
    provider: "aws", instance_type: `x${gpus}-${hourly}`, region: "us-east-1", gpu_model: gpuModel, gpu_count: gpus,
    gpu_memory_gb: gpus * 24, vcpus: 8, memory_gb: 32, price_per_hour_usd: hourly, spot_price_per_hour_usd: null,
    monthly_cost_usd: hourly * HOURS,
  };
}

export function node(id: string, inst: InstanceOption, count: number, components: string[]): StackNode {
  return { id, role: inst.gpu_count ? "gpu" : "cpu", instance: inst, count, components, monthly_cost_usd: inst.monthly_cost_usd * count };
}

export function deployment(component: ComponentKind, extra: Partial<Deployment> = {}): Deployment {
  return {
    component, model_id: null, precision: null, quantization: null, engine: "pytorch", engine_image: null, instance: null,
    gpus_per_replica: 0, replicas: 1, tensor_parallel_size: null, pipeline_parallel_size: null, max_model_len: null,
    gpu_memory_utilization: null, kv_cache_dtype: null, memory_per_gpu_gb: null, fits: true,
    resources: { vcpus: 2, memory_gb: 8, storage_gb: 20, gpus: extra.gpus_per_replica ?? 0 }, ...extra,
  };
}

const file = (component: string, content = "x: 1\n"): Artifact => ({
  id: `${component}-helm_values`, component, kind: "helm_values", filename: `${component}-values.yaml`,
  media_type: "application/yaml", description: component, content,
});

export function answer(deps: Deployment[], nodes: StackNode[], spec: WorkloadSpec = {}, extra: Partial<DeploymentPlan> = {}): ChatResponse {
  const total = nodes.reduce((a, n) => a + n.monthly_cost_usd, 0);
  const plan: DeploymentPlan = {
    summary: "ok", sizing: { memory_gb_required: 1, breakdown: { weights: 1 }, formula: "1 GB", assumptions: [] },
    compute: nodes.map((n) => n.instance), models: [], packages: [], local_cluster: { connected: false, message: "" },
    estimated_monthly_cost_usd: nodes[0]?.monthly_cost_usd ?? null, fits_budget: null, steps: [], warnings: [],
    deployments: deps, nodes, artifacts: deps.map((d) => file(d.component)), estimated_stack_monthly_cost_usd: total, ...extra,
  };
  return {
    conversation_id: "00000000-0000-4000-8000-000000000000", message_id: "00000000-0000-4000-8000-000000000001",
    type: "plan", content: plan.summary, spec, clarification: null, plan,
  };
}

export function profile(gpus: number, sharing: NotebookProfile["gpu_sharing"] = "none"): NotebookProfile {
  return { name: "gpu", description: "one GPU", gpus, gpu_sharing: sharing, mig_profile: null, gpu_memory_gb: 24 * gpus, vcpus: 4, memory_gb: 16, default: true };
}

export const JUPYTERHUB_VALUES = "singleuser:\n  profileList:\n    - display_name: gpu\ncull:\n  enabled: true\n  timeout: 3600\n";
export { file as artifact };
