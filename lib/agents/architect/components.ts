/**
 * One path per kind of workload: which component each part of the plan is, which engine runs it
 * and which charts (from the catalog, pinned to the catalog's version) install it, prerequisites
 * first. Never two serving stacks. Pure: spec in, component plans out.
 */
import type { WorkloadComponent, WorkloadSpec } from "@/lib/schemas/workload-spec";
import { quantizationOf } from "@/lib/search/checkpoint-variants";
import type { ChartQuery } from "./types";

import { isModelPart, type ComponentKind } from "@/lib/schemas/components";
export type Component = ComponentKind;

export interface ComponentPlan {
  component: Component;
  engine: string;
  /** Charts in install order (prerequisites first); empty = plain Kubernetes manifests. */
  charts: ChartQuery[];
  /** Runs the model on the GPU instance (the first such component is the one the plan is about). */
  runsModel: boolean;
  purpose: string;
  /** The part of the request it deploys (WorkloadSpec.components[i]); absent for parts the plan adds itself (Ray for training). */
  part?: WorkloadComponent;
  /** The tool or platform installed (mlflow, qdrant …); null for a model server. */
  tool?: string | null;
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
  // Classical ML (XGBoost, LightGBM, scikit-learn) is served on CPUs by KServe's MLServer runtime.
  if (spec.workload === "tabular ML") return { component: "other", engine: "mlserver", charts: KSERVE, runsModel: true, purpose: "serves the model with KServe's MLServer runtime (XGBoost / LightGBM / scikit-learn)" };
  switch (spec.modality) {
    case "embedding": {
      const words = `${spec.workload ?? ""} ${spec.model?.name ?? ""} ${spec.model?.hf_id ?? ""}`;
      const rerank = /rerank/i.test(words);
      // text-embeddings-inference also serves sequence-classification encoders (its /predict route).
      if (spec.workload === "text classification" || /sentiment|finetuned-sst/i.test(words)) {
        return { component: "other", engine: "tei", charts: [], runsModel: true, purpose: "a text classifier on text-embeddings-inference (/predict), as a plain Deployment" };
      }
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

/** A tool's usual chart; another catalog chart of that name stands in when this path is missing. */
const preferred = (repository: string, name: string, purpose: string): ChartQuery => ({ ...exact(repository, name, purpose), fallbackByName: true });

/** Charts by tool id for the platforms the plan installs itself (exact paths in the catalog). */
const TOOL_CHARTS: Record<string, ChartQuery[]> = {
  mlflow: [MLFLOW],
  ray: KUBERAY,
  jupyterhub: [JUPYTERHUB],
  qdrant: [VECTOR_DBS.qdrant],
  milvus: [VECTOR_DBS.milvus],
  weaviate: [VECTOR_DBS.weaviate],
  chroma: [preferred("chroma", "chromadb", "Chroma vector database")],
  pgvector: [preferred("bitnami", "postgresql", "PostgreSQL with the pgvector extension")],
  prometheus: [preferred("prometheus-community", "kube-prometheus-stack", "Prometheus, Alertmanager and Grafana with Kubernetes and GPU dashboards")],
  grafana: [preferred("prometheus-community", "kube-prometheus-stack", "Prometheus, Alertmanager and Grafana with Kubernetes and GPU dashboards")],
  loki: [preferred("grafana", "loki", "Loki log aggregation")],
  langfuse: [preferred("langfuse", "langfuse", "Langfuse LLM tracing and evaluation")],
  argo: [preferred("argo", "argo-workflows", "Argo Workflows for ML pipelines")],
  airflow: [preferred("bitnami", "airflow", "Apache Airflow for pipelines")],
  dask: [preferred("dask", "dask", "a Dask cluster")],
  spark: [preferred("spark-operator", "spark-operator", "the Spark operator for Spark jobs")],
  clearml: [preferred("clearml", "clearml", "ClearML experiment tracking")],
  "label-studio": [preferred("heartex", "label-studio", "Label Studio for data labelling")],
  "open-webui": [preferred("open-webui", "open-webui", "Open WebUI chat front end")],
  minio: [preferred("minio", "minio", "MinIO object storage")],
  redis: [preferred("bitnami", "redis", "Redis")],
  postgres: [preferred("bitnami", "postgresql", "PostgreSQL")],
  mongodb: [preferred("bitnami", "mongodb", "MongoDB")],
  kafka: [preferred("bitnami", "kafka", "Kafka")],
  kueue: [preferred("kueue", "kueue", "Kueue job queueing")],
  volcano: [preferred("volcano-sh", "volcano", "Volcano batch scheduler")],
};

/** The tool a part of this kind gets when the request named none. */
const DEFAULT_TOOL: Partial<Record<Component, string>> = {
  vector_db: "qdrant", tracking: "mlflow", distributed: "ray", notebooks: "jupyterhub", monitoring: "prometheus", pipelines: "argo",
};

const ENGINE_OF_TOOL: Record<string, string> = { grafana: "prometheus" };

/** A platform or tool part: its charts (exact where the catalog path is known, else a name search). */
function toolComponent(part: WorkloadComponent): ComponentPlan {
  const tool = part.tool ?? DEFAULT_TOOL[part.kind] ?? "other";
  const charts = TOOL_CHARTS[tool] ?? [
    { query: TOOL_QUERIES[tool] ?? tool, purpose: `you asked for ${tool}`, take: 1, expectName: new RegExp(escape(NAME_HINT[tool] ?? tool.split(/\s+/)[0]), "i") },
  ];
  const purpose = part.role ?? charts[charts.length - 1].purpose;
  return { component: part.kind, engine: ENGINE_OF_TOOL[tool] ?? tool, charts, runsModel: false, purpose, part, tool };
}

/** A model part other than the primary one (the embeddings of a RAG stack, Whisper in a voice assistant). */
function modelComponent(part: WorkloadComponent, spec: WorkloadSpec): ComponentPlan {
  const modality =
    part.kind === "embeddings" || part.kind === "reranker" ? "embedding"
      : part.kind === "image_generation" || part.kind === "speech" || part.kind === "vision" ? part.kind
        : part.kind === "llm" ? "llm" : "other";
  const c = primaryComponent({ task: "inference", modality, model: part.model, tools: part.tool ? [part.tool] : [], workload: part.kind === "reranker" ? "reranker" : undefined, cpu_only: spec.cpu_only });
  return { ...c, component: part.kind === "other" ? c.component : part.kind, part, tool: part.tool ?? null };
}


/**
 * Everything the plan deploys, one entry per part of the request (spec.components, primary
 * first): the model part runs on the plan's instance; platforms and tools get their charts. The
 * Ray cluster a from-scratch training job runs on is added. Serving stacks named besides the
 * chosen engine are skipped (never two serving stacks).
 */
export function planComponents(spec: WorkloadSpec): { components: ComponentPlan[]; extraCharts: ChartQuery[]; skippedStacks: string[] } {
  const parts = spec.components?.length ? spec.components : legacyParts(spec);
  const out: ComponentPlan[] = [];
  // The primary part is the model the spec is about (spec.model / modality), else the first model part.
  const primaryKind = primaryComponent(spec).component;
  const primaryPart = parts.find((p) => isModelPart(p) && p.kind === primaryKind) ?? parts.find(isModelPart);
  for (const part of parts) {
    if (part === primaryPart) {
      out.push({ ...primaryComponent(spec), part, tool: part.tool ?? null });
      continue;
    }
    if (isModelPart(part)) out.push(modelComponent(part, spec));
    else if (part.kind === "llm" && part.tool === "ollama") out.push({ ...primaryComponent({ ...spec, modality: "llm", tools: ["ollama"] }), runsModel: false, part, tool: "ollama" });
    else if (part.kind !== "training_job") out.push(toolComponent(part));
  }
  // The model's part first (it is what the plan is about), platforms after.
  // No model: the part that takes the GPU node leads (Ollama; a Ray cluster the user gave GPUs to).
  const gpuPlatform = spec.cpu_only ? -1 : out.findIndex((c) => c.tool === "ollama" || (c.component === "distributed" && !!(spec.gpu?.count || spec.gpu?.model)));
  const first = primaryPart ? out.findIndex((c) => c.part === primaryPart) : gpuPlatform;
  if (first > 0) out.unshift(...out.splice(first, 1));
  if (!out.length) out.push(primaryComponent(spec));
  // Two parts installing the same chart (Prometheus and Grafana: one kube-prometheus-stack) are one.
  const seen = new Set<string>();
  const unique = out.filter((c) => {
    const key = c.runsModel || !c.charts.length ? `${c.component}:${c.part?.model?.name ?? c.part?.model?.hf_id ?? ""}:${out.indexOf(c)}` : c.charts.map((q) => `${q.repository}/${q.name}/${q.query}`).join(",");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Training from scratch runs as a RayJob on a Ray cluster (multi-GPU, multi-node); fine-tuning only when Ray is asked for.
  if (spec.task === "training" && unique[0]?.component === "training_job" && !unique.some((c) => c.component === "distributed")) {
    unique.splice(1, 0, { component: "distributed", engine: "ray", charts: KUBERAY, runsModel: false, purpose: "a Ray cluster for distributed jobs", tool: "ray" });
  }
  const skippedStacks = (spec.tools ?? []).filter((t) => OTHER_SERVING_STACKS.has(t.toLowerCase()) && !unique.some((c) => servedBy(c, t.toLowerCase())));
  return { components: unique, extraCharts: [], skippedStacks };
}

function servedBy(c: ComponentPlan, tool: string): boolean {
  return c.engine === tool || (tool === "llama.cpp" && c.engine === "ollama") || (tool === "kserve" && c.charts === KSERVE);
}

/** Parts of a spec written before components[] existed: the model (or notebooks), then each tool. */
function legacyParts(spec: WorkloadSpec): WorkloadComponent[] {
  const parts: WorkloadComponent[] = [];
  const primary = primaryComponent(spec);
  parts.push(primary.component === "notebooks" ? { kind: "notebooks", tool: "jupyterhub" } : { kind: primary.component, model: spec.model });
  for (const tool of spec.tools ?? []) {
    const t = tool.toLowerCase();
    if (OTHER_SERVING_STACKS.has(t) || t === "gpu-operator") continue;
    const kind: Component = VECTOR_DB_WORDS.has(t) ? "vector_db" : TRACKING.has(t) ? "tracking" : DISTRIBUTED.has(t) ? "distributed" : NOTEBOOKS.has(t) ? "notebooks" : "other";
    if (kind === "notebooks" && parts.some((p) => p.kind === "notebooks")) continue;
    if (parts.some((p) => p.kind === kind && kind !== "other")) continue;
    parts.push({ kind, tool: kind === "vector_db" && !VECTOR_DBS[t] ? "qdrant" : t === "kuberay" ? "ray" : t });
  }
  return parts;
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
