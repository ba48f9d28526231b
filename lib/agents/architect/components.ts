/**
 * One path per kind of workload: which component each part of the plan is, which engine runs it
 * and which charts (from the catalog, pinned to the catalog's version) install it, prerequisites
 * first. Never two serving stacks. Pure: spec in, component plans out.
 */
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { quantizationOf } from "@/lib/search/checkpoint-variants";
import type { ChartQuery } from "./types";

import type { ComponentKind } from "@/lib/schemas/components";
export type Component = ComponentKind;

export interface ComponentPlan {
  component: Component;
  engine: string;
  /** Charts in install order (prerequisites first); empty = plain Kubernetes manifests. */
  charts: ChartQuery[];
  /** Runs the model on the GPU instance (the first such component is the one the plan is about). */
  runsModel: boolean;
  purpose: string;
}

const exact = (repository: string, name: string, purpose: string): ChartQuery => ({
  query: name, purpose, take: 1, repository, name, expectName: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
});

const VLLM_STACK = exact("vllm", "vllm-stack", "vLLM production stack: serves the model behind an OpenAI-compatible API");
const OLLAMA = exact("otwld", "ollama", "Ollama: runs quantized (GGUF) models locally");
const KSERVE: ChartQuery[] = [
  exact("jetstack", "cert-manager", "certificates for KServe's webhooks (KServe prerequisite)"),
  exact("kserve", "kserve-crd", "KServe custom resources"),
  exact("kserve", "kserve-resources", "KServe controller: serves the model as an InferenceService"),
];
const JUPYTERHUB = exact("jupyterhub", "jupyterhub", "notebooks for the team");
const MLFLOW = exact("community-charts", "mlflow", "experiment tracking and model registry");
const KUBERAY: ChartQuery[] = [
  exact("kuberay", "kuberay-operator", "KubeRay operator (Ray prerequisite)"),
  exact("kuberay", "ray-cluster", "the Ray cluster for distributed jobs"),
];
const VECTOR_DBS: Record<string, ChartQuery> = {
  qdrant: exact("qdrant", "qdrant", "Qdrant vector database"),
  milvus: exact("zilliztech", "milvus", "Milvus vector database"),
  weaviate: exact("weaviate", "weaviate", "Weaviate vector database"),
};
export const GPU_OPERATOR = exact("nvidia", "gpu-operator", "NVIDIA drivers and device plugin, for clusters whose GPU nodes have none");

/** Serving stacks other than the chosen one: never installed next to it. */
export const OTHER_SERVING_STACKS = new Set(["vllm", "tgi", "triton", "tensorrt-llm", "sglang", "llama.cpp", "kserve", "seldon", "bentoml", "ollama", "litellm"]);
const VECTOR_DB_WORDS = new Set(["qdrant", "milvus", "weaviate", "vector database", "vector db", "chroma", "pgvector"]);
const TRACKING = new Set(["mlflow"]);
const DISTRIBUTED = new Set(["ray", "kuberay"]);
const NOTEBOOKS = new Set(["jupyterhub", "jupyter"]);

const isLlm = (spec: WorkloadSpec) => !spec.modality || spec.modality === "llm" || spec.modality === "multimodal";

/** The component that runs the model (or the notebooks, for development), with its engine and charts. */
export function primaryComponent(spec: WorkloadSpec): ComponentPlan {
  const task = spec.task ?? "inference";
  const tools = new Set((spec.tools ?? []).map((t) => t.toLowerCase()));
  if (task === "development") return { component: "notebooks", engine: "jupyterhub", charts: [JUPYTERHUB], runsModel: false, purpose: "notebooks for the team" };
  if (task === "training" || task === "fine_tuning") {
    return { component: "training_job", engine: "pytorch", charts: [], runsModel: true, purpose: "a PyTorch training job" };
  }
  if (isLlm(spec)) {
    const gguf = quantizationOf(spec.model?.hf_id ?? spec.model?.name ?? "")?.quantization === "gguf";
    if (gguf || tools.has("ollama") || tools.has("llama.cpp")) return { component: "llm", engine: "ollama", charts: [OLLAMA], runsModel: true, purpose: "serves the model with Ollama" };
    return { component: "llm", engine: "vllm", charts: [VLLM_STACK], runsModel: true, purpose: "serves the model with vLLM" };
  }
  switch (spec.modality) {
    case "embedding": {
      const rerank = /rerank/i.test(`${spec.workload ?? ""} ${spec.model?.name ?? ""} ${spec.model?.hf_id ?? ""}`);
      return { component: rerank ? "reranker" : "embeddings", engine: "tei", charts: [], runsModel: true, purpose: "text-embeddings-inference as a plain Deployment" };
    }
    case "image_generation":
      return { component: "image_generation", engine: "diffusers", charts: KSERVE, runsModel: true, purpose: "serves the model as a KServe InferenceService" };
    case "speech":
      return { component: "speech", engine: "pytorch", charts: KSERVE, runsModel: true, purpose: "serves the model as a KServe InferenceService" };
    case "vision":
      return { component: "vision", engine: "pytorch", charts: KSERVE, runsModel: true, purpose: "serves the model as a KServe InferenceService" };
    default:
      return { component: "other", engine: "pytorch", charts: KSERVE, runsModel: true, purpose: "serves the model as a KServe InferenceService" };
  }
}

/** Everything the plan deploys: the primary component, then the tools the user asked for. */
export function planComponents(spec: WorkloadSpec): { components: ComponentPlan[]; extraCharts: ChartQuery[]; skippedStacks: string[] } {
  const primary = primaryComponent(spec);
  const out: ComponentPlan[] = [primary];
  // Training from scratch runs as a RayJob on a Ray cluster (multi-GPU, multi-node); fine-tuning only when Ray is asked for.
  if (spec.task === "training") out.push({ component: "distributed", engine: "ray", charts: KUBERAY, runsModel: false, purpose: "a Ray cluster for distributed jobs" });
  const extraCharts: ChartQuery[] = [];
  const skippedStacks: string[] = [];
  const has = (c: Component) => out.some((x) => x.component === c);
  let vectorDb = false;
  for (const tool of spec.tools ?? []) {
    const t = tool.toLowerCase();
    if (OTHER_SERVING_STACKS.has(t)) {
      if (t !== primary.engine && !(t === "llama.cpp" && primary.engine === "ollama") && !(t === "kserve" && primary.charts === KSERVE)) skippedStacks.push(tool);
      continue;
    }
    if (VECTOR_DB_WORDS.has(t)) {
      if (!vectorDb) out.push({ component: "vector_db", engine: VECTOR_DBS[t] ? t : "qdrant", charts: [VECTOR_DBS[t] ?? VECTOR_DBS.qdrant], runsModel: false, purpose: "vector database" });
      vectorDb = true;
    } else if (TRACKING.has(t)) {
      if (!has("tracking")) out.push({ component: "tracking", engine: "mlflow", charts: [MLFLOW], runsModel: false, purpose: "experiment tracking" });
    } else if (DISTRIBUTED.has(t)) {
      if (!has("distributed")) out.push({ component: "distributed", engine: "ray", charts: KUBERAY, runsModel: false, purpose: "a Ray cluster for distributed jobs" });
    } else if (NOTEBOOKS.has(t)) {
      if (!has("notebooks")) out.push({ component: "notebooks", engine: "jupyterhub", charts: [JUPYTERHUB], runsModel: false, purpose: "notebooks" });
    } else if (t !== "gpu-operator") {
      const q = TOOL_QUERIES[t] ?? t;
      if (!extraCharts.some((c) => c.query === q)) {
        extraCharts.push({ query: q, purpose: `you asked for ${tool}`, take: 1, expectName: new RegExp(escape(NAME_HINT[t] ?? t.split(/\s+/)[0]), "i") });
      }
    }
  }
  return { components: out, extraCharts, skippedStacks };
}

const TOOL_QUERIES: Record<string, string> = {
  kubeflow: "kubeflow",
  prometheus: "kube-prometheus-stack",
  grafana: "grafana",
  postgres: "postgresql",
  "open webui": "open-webui",
  "label studio": "label-studio",
};

const NAME_HINT: Record<string, string> = {
  postgres: "postgres",
  prometheus: "prometheus",
  "open webui": "open-webui",
  "label studio": "label-studio",
};

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
