/**
 * Helm values for each chosen chart, keyed by the chart's real value names (checked against the
 * upstream values.yaml / values.schema.json in catalog/k8s-values by the tests). GPU charts carry
 * the checkpoint, the parallelism, GPU requests and node selection, model storage and the engine
 * flags; platforms and tools carry the plan's per-replica resources (deployments[].resources),
 * replicas, storage and the node pool they run on. Charts with nothing to set (CRDs, cert-manager) get none.
 */
import type { ChartRef, DeploymentContext } from "./context";
import { GPU_PRODUCT_LABEL, HF_SECRET, k8sName } from "./context";
import { FALLBACK_VLLM_IMAGE, ollamaModelRef, splitImage, vllmDtype, vllmExtraFlags } from "./engine-command";
import { gpuOperatorValues } from "./gpu-operator-values";
import { jupyterhubValues } from "./jupyterhub-values";
import { mlflowValues } from "./mlflow-values";
import { GPU_TOLERATIONS } from "./pod-parts";
import { TOOL_VALUES } from "./tool-values";
import { containerResources, cpuQuantity, memoryQuantity, serviceResources, serviceStorage } from "./resources";

export type Values = Record<string, unknown>;


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
    requestCPU: Math.max(1, Math.ceil(res.cpu)), // the chart takes whole CPUs
    requestMemory: res.memory,
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
  if (c.gpuProduct) model.nodeSelectorTerms = [{ matchExpressions: [{ key: GPU_PRODUCT_LABEL, operator: "In", values: [c.gpuProduct] }] }];
  if (c.gated) model.hf_token = { secretName: HF_SECRET.name, secretKey: HF_SECRET.key };
  return { servingEngineSpec: { modelSpec: [model] } };
}

/** Ollama: GPU only when the deployment has one; pulls the model at start when the plan names one (else the user pulls later). */
function ollama(c: DeploymentContext): Values {
  const res = containerResources(c);
  const v: Values = {
    replicaCount: c.d.replicas,
    ollama: {
      gpu: { enabled: c.gpuLimit > 0, type: "nvidia", number: Math.max(1, c.gpuLimit) },
      models: { pull: c.d.model_id ? [ollamaModelRef(c.d.model_id)] : [] },
    },
    persistentVolume: { enabled: true, size: serviceStorage(c, c.modelStorageGi) }, // the plan's storage, else the model's files
    resources: { requests: { cpu: cpuQuantity(res.cpu), memory: res.memory }, limits: { memory: res.memory } },
    nodeSelector: c.nodeSelector,
  };
  if (c.gated) v.extraEnv = [{ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: HF_SECRET.name, key: HF_SECRET.key } } }];
  return v;
}

function qdrant(c: DeploymentContext): Values {
  return { replicaCount: c.d.replicas, resources: serviceResources(c), persistence: { size: serviceStorage(c, 50) }, nodeSelector: c.nodeSelector };
}

function weaviate(c: DeploymentContext): Values {
  return { replicas: c.d.replicas, resources: serviceResources(c), storage: { size: serviceStorage(c, 50) }, nodeSelector: c.nodeSelector };
}

/** Standalone Milvus (one pod, embedded etcd and MinIO sized down, no Pulsar) for a first deployment. */
function milvus(c: DeploymentContext): Values {
  return {
    cluster: { enabled: false },
    etcd: { replicaCount: 1 },
    minio: { mode: "standalone" },
    pulsarv3: { enabled: false },
    standalone: { resources: serviceResources(c), persistence: { persistentVolumeClaim: { size: serviceStorage(c, 50) } }, nodeSelector: c.nodeSelector },
  };
}

/**
 * A Ray cluster of `replicas` pods of the planned size (requests = limits, as the chart's values
 * advise for Ray pods). CPU-only: the head is one of them (it runs tasks too) and the rest are
 * workers. With GPUs: every replica is a GPU worker and the head is an extra CPU-only pod.
 * Unsized plans keep the head 2 vCPU / 8 GiB and workers 4 vCPU / 16 GiB.
 */
function rayCluster(c: DeploymentContext): Values {
  if (!c.resources) {
    return {
      head: { resources: { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "2", memory: "8Gi" } } },
      worker: { resources: { requests: { cpu: "4", memory: "16Gi" }, limits: { cpu: "4", memory: "16Gi" } } },
    };
  }
  const pod = { cpu: cpuQuantity(c.resources.vcpus), memory: memoryQuantity(c.resources.memory_gb) };
  const gpu = c.gpuLimit > 0;
  const workers = gpu ? c.d.replicas : Math.max(0, c.d.replicas - 1);
  const workerPod: Record<string, string> = gpu ? { ...pod, "nvidia.com/gpu": String(c.gpuLimit) } : pod;
  const worker: Values = {
    replicas: workers,
    minReplicas: workers,
    maxReplicas: Math.max(workers, 1),
    resources: { requests: workerPod, limits: workerPod },
    nodeSelector: c.nodeSelector,
  };
  if (gpu) worker.tolerations = GPU_TOLERATIONS;
  return { head: { resources: { requests: pod, limits: pod }, nodeSelector: gpu ? {} : c.nodeSelector }, worker };
}

const VALUES: Record<string, (c: DeploymentContext) => Values | null> = {
  "vllm-stack": vllmStack,
  ollama,
  jupyterhub: jupyterhubValues,
  mlflow: mlflowValues,
  qdrant,
  weaviate,
  milvus,
  "kuberay-operator": () => ({ resources: { limits: { cpu: "500m", memory: "512Mi" } } }),
  "ray-cluster": rayCluster,
  "kserve-resources": () => ({ kserve: { controller: { deploymentMode: "RawDeployment" } } }),
  "gpu-operator": gpuOperatorValues,
  ...TOOL_VALUES,
};

/** The chart names this module writes values for (the rest are installed with their defaults). */
export const CHARTS_WITH_VALUES = Object.keys(VALUES);

/** The values for one chart of a deployment, or null when the chart is installed with its defaults. */
export function helmValuesFor(chart: ChartRef, c: DeploymentContext): Values | null {
  return VALUES[chart.name]?.(c) ?? null;
}

