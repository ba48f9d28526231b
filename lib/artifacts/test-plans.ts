/** Test helper: a DeploymentPlan with the parts the file generators read, and the charts of each component. */
import type { Deployment, DeploymentPlan, InstanceOption, NotebookProfile, PackageOption, StackNode } from "@/lib/schemas/plan";
import type { ChartRef } from "./context";

export const CHARTS: Record<string, ChartRef> = Object.fromEntries(
  (
    [
      ["vllm", "vllm-stack", "0.1.7", "https://vllm-project.github.io/production-stack"],
      ["otwld", "ollama", "1.30.0", "https://helm.otwld.com/"],
      ["jupyterhub", "jupyterhub", "4.2.0", "https://hub.jupyter.org/helm-chart/"],
      ["community-charts", "mlflow", "1.8.0", "https://community-charts.github.io/helm-charts"],
      ["qdrant", "qdrant", "1.15.0", "https://qdrant.github.io/qdrant-helm"],
      ["zilliztech", "milvus", "4.2.50", "https://zilliztech.github.io/milvus-helm/"],
      ["weaviate", "weaviate", "17.4.5", "https://weaviate.github.io/weaviate-helm"],
      ["kuberay", "kuberay-operator", "1.4.2", "https://ray-project.github.io/kuberay-helm/"],
      ["kuberay", "ray-cluster", "1.4.2", "https://ray-project.github.io/kuberay-helm/"],
      ["jetstack", "cert-manager", "v1.18.2", "https://charts.jetstack.io"],
      ["kserve", "kserve-crd", "v0.15.2", null],
      ["kserve", "kserve-resources", "v0.15.2", null],
      ["nvidia", "gpu-operator", "v25.10.1", "https://helm.ngc.nvidia.com/nvidia"],
      ["prometheus-community", "kube-prometheus-stack", "88.5.3", "https://prometheus-community.github.io/helm-charts"],
      ["argo", "argo-workflows", "1.0.18", "https://argoproj.github.io/argo-helm"],
      ["chroma", "chromadb", "0.2.2", "https://amikos-tech.github.io/chromadb-chart/"],
      ["bitnami", "postgresql", "17.1.0", "https://charts.bitnami.com/bitnami"],
      ["grafana", "loki", "7.3.0", "https://grafana.github.io/helm-charts"],
    ] as const
  ).map(([repository, name, version, url]) => [
    name,
    {
      repository, name, version, repository_url: url,
      install_command: url ? `helm repo add ${repository} ${url} && helm install my-${name} ${repository}/${name}` : `helm install ${name} oci://ghcr.io/kserve/charts/${name} --version ${version}`,
    },
  ]),
);

export const INSTANCE: InstanceOption = {
  provider: "aws", instance_type: "p4de.24xlarge", region: "us-east-1", gpu_model: "A100-80GB", gpu_count: 8, gpu_memory_gb: 640,
  vcpus: 96, memory_gb: 1152, price_per_hour_usd: 40.96, spot_price_per_hour_usd: null, monthly_cost_usd: 29900.8, gpu_memory_gb_per_gpu: 80,
};

export function dep(p: Partial<Deployment> & Pick<Deployment, "component" | "engine">): Deployment {
  return {
    model_id: null, precision: null, quantization: null, engine_image: null, instance: null, gpus_per_replica: 0, replicas: 1,
    tensor_parallel_size: null, pipeline_parallel_size: null, max_model_len: null, gpu_memory_utilization: null, kv_cache_dtype: null,
    memory_per_gpu_gb: null, fits: true, ...p,
  };
}

export function gpuDep(p: Partial<Deployment> & Pick<Deployment, "component" | "engine">, inst: InstanceOption = INSTANCE): Deployment {
  return dep({ instance: { provider: inst.provider, instance_type: inst.instance_type, region: inst.region }, gpus_per_replica: inst.gpu_count, ...p });
}

/** A plan with these deployments on `inst`, each with its charts (by name), and gated model ids. */
export function testPlan(deployments: [Deployment, string[]][], opts: { inst?: InstanceOption; gated?: string[]; weightsGb?: number } = {}) {
  const charts = deployments.map(([d, names]) => ({ component: d.component, charts: names.map((n) => CHARTS[n]) }));
  const packages: PackageOption[] = charts.flatMap((c) => c.charts).map((c) => ({
    ...c, app_version: null, description: "", official: true, stars: null, score: 1, install_command: c.install_command,
  }));
  const plan: DeploymentPlan = {
    summary: "", sizing: { memory_gb_required: 40, breakdown: { weights: opts.weightsGb ?? 16 }, formula: "", assumptions: [] },
    compute: [opts.inst ?? INSTANCE], models: (opts.gated ?? []).map((id) => ({ id, gated: true, pipeline_tag: null, params_b: null, license: null, downloads: null, likes: null, relevance: 1, popularity: 1, score: 1, url: "" })),
    packages, local_cluster: { connected: false, message: "" }, estimated_monthly_cost_usd: null, fits_budget: null, steps: [], warnings: [],
    deployments: deployments.map(([d]) => d),
  };
  return { plan, charts };
}

/** A catalog-like instance for the stack plans (prices are placeholders; the files never read them). */
export function instance(p: Partial<InstanceOption> & Pick<InstanceOption, "instance_type">): InstanceOption {
  return {
    provider: "aws", region: "us-east-1", gpu_model: null, gpu_count: 0, gpu_memory_gb: 0, vcpus: 8, memory_gb: 32,
    price_per_hour_usd: 1, spot_price_per_hour_usd: null, monthly_cost_usd: 730, ...p,
  };
}

export const L4_1 = instance({ instance_type: "g6.xlarge", gpu_model: "L4", gpu_count: 1, gpu_memory_gb: 24, gpu_memory_gb_per_gpu: 24, vcpus: 4, memory_gb: 16 });
export const L40S_1 = instance({ instance_type: "g6e.2xlarge", gpu_model: "L40S", gpu_count: 1, gpu_memory_gb: 48, gpu_memory_gb_per_gpu: 48, vcpus: 8, memory_gb: 64 });
export const CPU_8 = instance({ instance_type: "m7i.2xlarge", vcpus: 8, memory_gb: 32 });
export const CPU_16 = instance({ instance_type: "c7i.4xlarge", vcpus: 16, memory_gb: 32 });

export function stackNode(id: string, inst: InstanceOption, count = 1, components: string[] = []): StackNode {
  return { id, role: inst.gpu_count > 0 ? "gpu" : "cpu", instance: inst, count, components, monthly_cost_usd: inst.monthly_cost_usd * count };
}

/** A deployment placed on a node (deployments[].node and .instance as the architect writes them). */
export function onNode(n: StackNode, p: Partial<Deployment> & Pick<Deployment, "component" | "engine">): Deployment {
  return dep({ node: n.id, instance: { provider: n.instance.provider, instance_type: n.instance.instance_type, region: n.instance.region }, ...p });
}

export function profile(p: Partial<NotebookProfile> & Pick<NotebookProfile, "name">): NotebookProfile {
  return { description: "", gpus: 0, gpu_sharing: "none", mig_profile: null, gpu_memory_gb: 0, vcpus: 2, memory_gb: 8, default: false, ...p };
}

/** A multi-node plan: compute[0] is the first node's instance; nodes[] as given. */
export function stackPlan(deployments: [Deployment, string[]][], nodes: StackNode[], opts: { gated?: string[]; weightsGb?: number } = {}) {
  const { plan, charts } = testPlan(deployments, { ...opts, inst: nodes[0].instance });
  plan.nodes = nodes;
  plan.estimated_stack_monthly_cost_usd = nodes.reduce((s, n) => s + n.monthly_cost_usd, 0);
  return { plan, charts };
}
