/**
 * Extra names users type for a chart. Keys are a chart name or a full id
 * (`repository/name`, for generic names like `cnpg/cluster`); the original Chart.yaml
 * name is looked up too (Triton examples are renamed, see names.ts).
 */
const VECTOR_DB = ["vector database", "vector db", "vector store", "vectordb"];
const MODEL_SERVING = ["model serving", "inference", "inference server"];
const PG = ["postgres", "postgresql", "pg"];
const S3 = ["s3", "object storage"];
const NVIDIA_GPU = ["nvidia", "gpu", "cuda"];

export const ALIAS_TABLE: Readonly<Record<string, readonly string[]>> = {
  // databases
  postgresql: ["postgres", "pg"],
  "postgresql-ha": [...PG, "postgres ha"],
  "cloudnative-pg": [...PG, "cnpg"],
  "cnpg/cluster": [...PG, "cnpg", "postgres cluster"],
  "postgres-operator": [...PG, "zalando"],
  "postgres-operator-ui": [...PG, "zalando"],
  postgrescluster: [...PG, "crunchy", "pgo"],
  mongodb: ["mongo"],
  "mongodb-sharded": ["mongo", "mongodb"],
  mysql: ["sql"],
  mariadb: ["mysql"],
  "mariadb-galera": ["mariadb", "mysql"],
  redis: ["cache", "key-value store"],
  "redis-cluster": ["redis", "cache"],
  valkey: ["redis", "cache"],
  "valkey-cluster": ["valkey", "redis", "cache"],
  keydb: ["redis"],
  elasticsearch: ["elastic", "es", "search engine"],
  opensearch: ["elasticsearch", "elastic", "search engine"],
  kibana: ["elastic"],
  clickhouse: ["olap"],
  neo4j: ["graph database"],
  // vector databases
  qdrant: VECTOR_DB,
  milvus: VECTOR_DB,
  weaviate: VECTOR_DB,
  chromadb: ["chroma", ...VECTOR_DB],
  // object storage
  minio: S3,
  "minio-operator": ["minio", ...S3],
  "minio-operator/operator": ["minio", "minio-operator", ...S3],
  "minio-operator/tenant": ["minio", "minio tenant", ...S3],
  seaweedfs: S3,
  // monitoring
  "kube-prometheus-stack": ["prometheus", "grafana", "monitoring", "alertmanager", "prometheus-operator"],
  "kube-prometheus": ["prometheus", "monitoring", "prometheus-operator"],
  prometheus: ["monitoring", "metrics"],
  grafana: ["dashboards", "monitoring"],
  "dcgm-exporter": [...NVIDIA_GPU, "dcgm", "gpu monitoring"],
  "opentelemetry-collector": ["otel", "otel collector", "opentelemetry"],
  "opentelemetry-operator": ["otel", "opentelemetry"],
  "opentelemetry-kube-stack": ["otel", "opentelemetry"],
  loki: ["logs", "logging"],
  // notebooks / ML platforms
  jupyterhub: ["jupyter", "notebook", "notebooks", "jupyterlab"],
  binderhub: ["jupyter", "binder", "notebook"],
  daskhub: ["jupyter", "jupyterhub", "dask", "notebook"],
  mlflow: ["experiment tracking", "model registry"],
  airflow: ["apache airflow", "workflows", "dag"],
  "kuberay-operator": ["ray", "kuberay"],
  "ray-cluster": ["ray", "raycluster", "kuberay"],
  "kuberay-apiserver": ["ray", "kuberay"],
  kuberay: ["ray"],
  "kubeflow-trainer": ["kubeflow", "training operator", "pytorchjob"],
  "spark-operator": ["spark", "apache spark"],
  spark: ["apache spark"],
  clearml: ["mlops"],
  "label-studio": ["labeling", "annotation"],
  langfuse: ["llm observability", "tracing"],
  pytorch: ["torch"],
  // GPU
  "gpu-operator": [...NVIDIA_GPU, "nvidia gpu operator"],
  "nvidia-device-plugin": [...NVIDIA_GPU, "device plugin"],
  "gpu-feature-discovery": [...NVIDIA_GPU, "gfd"],
  "k8s-nim-operator": ["nim", "nvidia nim", "nvidia", ...MODEL_SERVING],
  "kai-scheduler": ["nvidia", "gpu", "gpu scheduler", "kai"],
  "gpu-provisioner": ["gpu", "kaito"],
  "node-feature-discovery": ["nfd"],
  // model serving / LLM
  kserve: MODEL_SERVING,
  "vllm-stack": ["vllm", "vllm production stack", "llm serving", ...MODEL_SERVING],
  vllm: ["llm serving", ...MODEL_SERVING],
  "triton-inference-server": ["triton", "nvidia triton", ...MODEL_SERVING],
  "text-generation-inference": ["tgi", "llm serving", ...MODEL_SERVING],
  tei: ["text-embeddings-inference", "embeddings", ...MODEL_SERVING],
  ollama: ["llm", "local llm", ...MODEL_SERVING],
  "local-ai": ["localai", "llm", ...MODEL_SERVING],
  kubeai: ["llm serving", ...MODEL_SERVING],
  xinference: ["xorbits", ...MODEL_SERVING],
  "open-webui": ["openwebui", "chat ui", "ollama ui"],
  "seldon-core-operator": ["seldon", ...MODEL_SERVING],
  "clearml-serving": ["clearml", ...MODEL_SERVING],
  "llm-d-infra": ["llm-d", ...MODEL_SERVING],
  "llm-d-modelservice": ["llm-d", ...MODEL_SERVING],
  "ai-gateway-helm": ["envoy ai gateway", "llm gateway"],
  "kaito/workspace": ["kaito", "ai toolchain operator", ...MODEL_SERVING],
  ragengine: ["kaito", "rag"],
  verba: ["rag", "weaviate"],
  // batch / scheduling
  kueue: ["job queueing", "batch"],
  volcano: ["batch scheduler", "gang scheduling"],
  lws: ["leaderworkerset", "leader worker set"],
  keda: ["autoscaling", "event-driven autoscaling"],
  "cluster-autoscaler": ["autoscaler", "node autoscaling"],
  // infra
  kafka: ["apache kafka", "streaming"],
  rabbitmq: ["amqp", "message broker"],
  "ingress-nginx": ["nginx", "ingress"],
  "nginx-ingress": ["nginx", "ingress"],
  traefik: ["ingress"],
  "cert-manager": ["certificates", "tls", "letsencrypt"],
  "argo-cd": ["argocd", "gitops"],
  "argo-workflows": ["argo", "workflows"],
  vault: ["secrets"],
  harbor: ["container registry"],
  velero: ["backup"],
  opencost: ["cost monitoring"],
  "kubernetes-dashboard": ["k8s dashboard", "dashboard"],
};

/** Family rules for charts whose names share a prefix. */
const ALIAS_RULES: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/^kserve-/, ["kserve", ...MODEL_SERVING]],
  [/^scv2-|^seldon-core-v2/, ["seldon", "seldon core v2", ...MODEL_SERVING]],
  [/^flyte/, ["flyte"]],
  [/^dask-/, ["dask"]],
  [/^clearml-/, ["clearml"]],
  [/^argocd-/, ["argocd", "argo-cd"]],
];

const SUFFIXES = ["-operator", "-stack", "-helm", "-chart", "-crds", "-crd"];

/** Name without helm-packaging suffixes (`ai-gateway-crds-helm` → `ai-gateway`). */
export function baseName(name: string): string {
  let n = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of SUFFIXES) {
      if (n.endsWith(s) && n.length > s.length) {
        n = n.slice(0, -s.length);
        changed = true;
      }
    }
  }
  return n;
}

/**
 * Aliases for a chart: table entries (by id, name, original chart name), family rules,
 * the original chart name when the package was renamed, and the suffix-less base name.
 * Lower-cased, deduplicated, never the package name itself; order is deterministic.
 */
export function aliasesFor(id: string, name: string, chartName: string = name): string[] {
  const out: string[] = [];
  const add = (xs: readonly string[]) => xs.forEach((x) => out.push(x.trim().toLowerCase()));
  for (const key of [id, name, chartName]) add(ALIAS_TABLE[key] ?? []);
  for (const [re, xs] of ALIAS_RULES) if (re.test(name)) add(xs);
  if (chartName !== name) add([chartName]);
  add([baseName(name), baseName(chartName)]);
  return [...new Set(out)].filter((a) => a !== "" && a !== name);
}
