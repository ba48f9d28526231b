/**
 * Helm values for each chosen chart, keyed by the chart's real value names (checked against the
 * upstream values.yaml / values.schema.json in catalog/k8s-values by the tests). GPU charts carry
 * the checkpoint, the parallelism, GPU requests and node selection, model storage and the engine
 * flags; CPU charts carry their resources. Charts with nothing to set (CRDs, cert-manager) get none.
 */
import type { ChartRef, DeploymentContext } from "./context";
import { HF_SECRET, k8sName } from "./context";
import { FALLBACK_VLLM_IMAGE, ollamaModelRef, splitImage, vllmDtype, vllmExtraFlags } from "./engine-command";

export type Values = Record<string, unknown>;
const GPU_LABEL = "nvidia.com/gpu.product";

/** CPU and memory for the engine container: half the instance (the rest for the node's own pods), split across the replicas on it. */
export function containerResources(c: DeploymentContext): { cpu: number; memoryGi: number } {
  const vcpus = c.instance?.vcpus ?? 8;
  const mem = c.instance?.memory_gb ?? 32;
  return { cpu: Math.max(1, Math.floor(vcpus / 2)), memoryGi: Math.max(4, Math.floor(mem / 2)) };
}

/** Requests = limits for the small CPU services (vector DB, tracking, notebooks hub, Ray head). */
const CPU_SERVICE = { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } };

function nodeSelector(c: DeploymentContext): Record<string, string> {
  return c.gpuProduct ? { [GPU_LABEL]: c.gpuProduct } : {};
}

function vllmStack(c: DeploymentContext): Values {
  const { d } = c;
  const image = splitImage(d.engine_image ?? FALLBACK_VLLM_IMAGE);
  const res = containerResources(c);
  const model: Values = {
    name: k8sName(d.model_id?.split("/").pop() ?? "model"),
    repository: image.repository,
    tag: image.tag,
    modelURL: d.model_id,
    replicaCount: d.replicas,
    requestCPU: res.cpu,
    requestMemory: `${res.memoryGi}Gi`,
    requestGPU: c.gpuLimit,
    pvcStorage: `${c.modelStorageGi}Gi`,
    pvcAccessMode: ["ReadWriteOnce"],
    vllmConfig: {
      tensorParallelSize: d.tensor_parallel_size ?? 1,
      maxModelLen: d.max_model_len ?? 4096,
      gpuMemoryUtilization: d.gpu_memory_utilization ?? 0.9,
      dtype: vllmDtype(d),
      extraArgs: vllmExtraFlags(d),
    },
  };
  if (c.gpuProduct) model.nodeSelectorTerms = [{ matchExpressions: [{ key: GPU_LABEL, operator: "In", values: [c.gpuProduct] }] }];
  if (c.gated) model.hf_token = { secretName: HF_SECRET.name, secretKey: HF_SECRET.key };
  return { servingEngineSpec: { modelSpec: [model] } };
}

function ollama(c: DeploymentContext): Values {
  const res = containerResources(c);
  const v: Values = {
    ollama: {
      gpu: { enabled: c.gpuLimit > 0, type: "nvidia", number: Math.max(1, c.gpuLimit) },
      models: { pull: c.d.model_id ? [ollamaModelRef(c.d.model_id)] : [] },
    },
    persistentVolume: { enabled: true, size: `${c.modelStorageGi}Gi` },
    resources: { requests: { cpu: String(res.cpu), memory: `${res.memoryGi}Gi` } },
    nodeSelector: nodeSelector(c),
  };
  if (c.gated) v.extraEnv = [{ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: HF_SECRET.name, key: HF_SECRET.key } } }];
  return v;
}

function jupyterhub(c: DeploymentContext): Values {
  const singleuser: Values = {
    cpu: { guarantee: 1, limit: 4 },
    memory: { guarantee: "4G", limit: "16G" },
    storage: { capacity: "50Gi" },
  };
  if (c.gpuLimit > 0) {
    singleuser.extraResource = { limits: { "nvidia.com/gpu": String(c.gpuLimit) } };
    singleuser.nodeSelector = nodeSelector(c);
  }
  return { hub: { resources: CPU_SERVICE }, singleuser };
}

const VALUES: Record<string, (c: DeploymentContext) => Values> = {
  "vllm-stack": vllmStack,
  ollama,
  jupyterhub,
  mlflow: () => ({ resources: CPU_SERVICE }),
  qdrant: () => ({ resources: CPU_SERVICE, persistence: { size: "50Gi" } }),
  weaviate: () => ({ resources: CPU_SERVICE, storage: { size: "50Gi" } }),
  // Standalone Milvus (one pod, embedded etcd and MinIO sized down, no Pulsar) for a first deployment.
  milvus: () => ({
    cluster: { enabled: false },
    etcd: { replicaCount: 1 },
    minio: { mode: "standalone" },
    pulsarv3: { enabled: false },
    standalone: { resources: CPU_SERVICE, persistence: { persistentVolumeClaim: { size: "50Gi" } } },
  }),
  "kuberay-operator": () => ({ resources: { limits: { cpu: "500m", memory: "512Mi" } } }),
  "ray-cluster": () => ({
    head: { resources: { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "2", memory: "8Gi" } } },
    worker: { resources: { requests: { cpu: "4", memory: "16Gi" }, limits: { cpu: "4", memory: "16Gi" } } },
  }),
  "kserve-resources": () => ({ kserve: { controller: { deploymentMode: "RawDeployment" } } }),
};

/** The chart names this module writes values for (the rest are installed with their defaults). */
export const CHARTS_WITH_VALUES = Object.keys(VALUES);

/** The values for one chart of a deployment, or null when the chart is installed with its defaults. */
export function helmValuesFor(chart: ChartRef, c: DeploymentContext): Values | null {
  return VALUES[chart.name]?.(c) ?? null;
}
