/**
 * Platform and tool services (MLflow, JupyterHub hub, Ray, Kubeflow, Airflow, vector DBs, Prometheus /
 * Grafana, Ollama without a model, Label Studio, Redis, PostgreSQL, MinIO): vCPUs, RAM, disk, replicas and
 * backing database, scaled from users / data_gb / requests_per_second where that is meaningful.
 * Every figure is cited in its `basis` sentence; where nothing is published it says "stated default".
 */
import { sizeChroma, sizeMilvus, sizePgvector, sizeQdrant, sizeWeaviate } from "./platform-vector";
import { ceilGb, fmt1, fmtCount, loadOr, Notes, sizing, type PlatformKind, type PlatformLoad, type ServiceSizing } from "./platform-types";

export type { PlatformKind, PlatformLoad, ServiceComponent, ServiceDatabase, ServiceSizing } from "./platform-types";

type Sizer = (load: PlatformLoad) => ServiceSizing;

/** Tool id → aliases users and catalogs write. */
const ALIASES: Record<string, string[]> = {
  mlflow: ["mlflow", "mlflowtracking", "mlflowtrackingserver"],
  jupyterhub: ["jupyterhub", "jupyter", "jupyterlab", "z2jh", "zerotojupyterhub", "tljh"],
  ray: ["ray", "kuberay", "raycluster", "anyscale"],
  kubeflow: ["kubeflow", "kubeflowpipelines", "kfp"],
  airflow: ["airflow", "apacheairflow"],
  qdrant: ["qdrant"],
  milvus: ["milvus"],
  weaviate: ["weaviate"],
  chroma: ["chroma", "chromadb"],
  pgvector: ["pgvector"],
  prometheus: ["prometheus", "kubeprometheusstack", "prometheusstack"],
  grafana: ["grafana"],
  ollama: ["ollama"],
  "label-studio": ["labelstudio", "heartexlabelstudio"],
  redis: ["redis", "redisstack", "valkey"],
  postgres: ["postgres", "postgresql", "pg"],
  minio: ["minio"],
};

const ALIAS_INDEX: ReadonlyMap<string, string> = new Map(
  Object.entries(ALIASES).flatMap(([id, names]) => names.map((n) => [n, id] as const)),
);

/** Canonical tool id ("Label Studio" → "label-studio"), or null when unknown. */
export function normalizeTool(tool: string): string | null {
  if (typeof tool !== "string") return null;
  const key = tool.toLowerCase().replace(/[^a-z0-9]/g, "");
  return ALIAS_INDEX.get(key) ?? null;
}

const KIND: Readonly<Record<string, PlatformKind>> = {
  qdrant: "vector_db", milvus: "vector_db", weaviate: "vector_db", chroma: "vector_db", pgvector: "vector_db",
  mlflow: "tracking",
  jupyterhub: "notebooks",
  ray: "distributed",
  prometheus: "monitoring", grafana: "monitoring",
  kubeflow: "pipelines", airflow: "pipelines",
};

/** Component kind of a tool id (or alias); "other" for Ollama, Label Studio, Redis, PostgreSQL, MinIO and unknown tools. */
export function platformKindOf(tool: string): PlatformKind {
  const id = normalizeTool(tool);
  return (id ? KIND[id] : undefined) ?? "other";
}

/** Tool ids this module sizes. */
export const PLATFORM_TOOLS: readonly string[] = Object.keys(ALIASES);

// ── Tracking ─────────────────────────────────────────────────────────────────────────────────────

function sizeMlflow(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const users = loadOr(load.users, 10, "No user count given: sized for 10 users.", n);
  const data = loadOr(load.data_gb, 50, "No artifact volume given: 50 GB of models and artifacts (stated default).", n, true);
  const replicas = Math.max(1, Math.ceil(users / 50));
  n.basis.push(
    `Tracking server: 2 vCPU, 4 GB per replica for the 4 worker processes \`mlflow server\` starts by default (MLflow CLI --workers); ` +
      `one replica per 50 users (stated default) → ${replicas}.`,
  );
  const artifacts = ceilGb(data * 1.2, 20);
  n.basis.push(`Artifact storage = ${data} GB × 1.2 (20% headroom, stated) = ${artifacts} GB (minimum 20 GB); an object store (S3 / MinIO) in production.`);
  const dbStorage = ceilGb(10 + users * 0.5, 10);
  n.basis.push(
    `Backend store: PostgreSQL (MLflow self-hosting docs recommend a database backend over files/SQLite for teams), 2 vCPU, 4 GB, ` +
      `10 GB + 0.5 GB per user for run metadata (stated default) = ${dbStorage} GB.`,
  );
  return sizing("mlflow", {
    vcpus: 2, memory_gb: 4, storage_gb: artifacts, replicas,
    database: { engine: "postgresql", vcpus: 2, memory_gb: 4, storage_gb: dbStorage },
  }, n);
}

// ── Notebooks (hub only; per-user servers: dev-profiles.ts) ─────────────────────────────────────

function sizeJupyterhub(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const users = loadOr(load.users, 10, "No user count given: sized for 10 users.", n);
  const step = users <= 100 ? 1 : users <= 500 ? 2 : 4;
  n.basis.push(
    `Hub: ${step} vCPU, ${step} GB (JupyterHub itself needs ~128 MB, TLJH resource-estimation guide; stated default of 1 vCPU / 1 GB ` +
      `up to 100 users, 2 up to 500, 4 beyond). Per-user servers are sized separately (devEnvironmentSizing).`,
  );
  n.basis.push("Hub database: SQLite on a 1 GiB volume (Zero to JupyterHub defaults hub.db.type = sqlite-pvc, hub.db.pvc.storage = 1Gi).");
  n.basis.push("Proxy (configurable-http-proxy): 1 vCPU, 1 GB (stated default).");
  const database = users > 100
    ? { engine: "postgresql" as const, vcpus: 1, memory_gb: 2, storage_gb: 10 }
    : null;
  if (database) n.basis.push(`More than 100 users: PostgreSQL for the hub database (z2jh hub.db.type = postgres), 1 vCPU, 2 GB, 10 GB (stated default).`);
  return sizing("jupyterhub", {
    vcpus: step, memory_gb: step, storage_gb: 1, replicas: 1, database,
    auxiliary: [{ name: "proxy", vcpus: 1, memory_gb: 1, storage_gb: 0, replicas: 1 }],
  }, n);
}

// ── Distributed ──────────────────────────────────────────────────────────────────────────────────

/** Ray's default object store: 30% of a node's memory (Ray docs, "Memory Management / object store"). */
const RAY_OBJECT_STORE_SHARE = 0.3;

function sizeRay(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const users = loadOr(load.users, 1, "No user count given: sized for 1 user submitting jobs.", n);
  const data = loadOr(load.data_gb, 10, "No data volume given: 10 GB to process (stated default).", n, true);
  const workerVcpus = 8;
  const workerMem = 32;
  const store = workerMem * RAY_OBJECT_STORE_SHARE;
  const byData = Math.ceil(data / store - 1e-9);
  const byUsers = Math.ceil(users / 2);
  const workers = Math.max(1, byData, byUsers);
  n.basis.push(
    `Workers: ${workerVcpus} vCPU, ${workerMem} GB each (1:4 ratio of Ray's head-node guidance, stated); object store = 30% of memory ` +
      `(Ray default) = ${fmt1(store)} GB per worker; workers = max(ceil(${data} GB / ${fmt1(store)} GB) = ${byData} to hold the data in the object store, ` +
      `ceil(${users} users / 2) = ${byUsers} (stated default), 1) = ${workers}.`,
  );
  n.basis.push("Worker disk: 100 GB for object spilling and logs (stated default; Ray spills to local disk when the object store is full).");
  const large = workers > 10;
  const head = large ? { vcpus: 8, memory_gb: 32 } : { vcpus: 4, memory_gb: 16 };
  n.basis.push(
    large
      ? "Head: 8 vCPU, 32 GB (Ray docs, 'Best practices for deploying large clusters': a good starting spec for the head node)."
      : "Head: 4 vCPU, 16 GB for a cluster of ≤ 10 workers (stated default; Ray recommends 8 CPUs / 32 GB for large clusters).",
  );
  return sizing("ray", {
    vcpus: workerVcpus, memory_gb: workerMem, storage_gb: 100, replicas: workers,
    auxiliary: [{ name: "ray-head", vcpus: head.vcpus, memory_gb: head.memory_gb, storage_gb: 50, replicas: 1 }],
  }, n);
}

// ── Pipelines ────────────────────────────────────────────────────────────────────────────────────

function sizeKubeflow(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const data = loadOr(load.data_gb, 50, "No artifact volume given: 50 GB of pipeline artifacts (stated default).", n, true);
  n.basis.push("Kubeflow platform components: 8 vCPU, 16 GB in total (Kubeflow manifests / KubeRay integration guide: 16 GB RAM, 8 CPUs). Notebook servers and pipeline steps are sized separately.");
  const artifacts = ceilGb(data * 1.2, 20);
  n.basis.push(`Pipeline artifact store (MinIO / S3) = ${data} GB × 1.2 (stated headroom) = ${artifacts} GB (minimum 20 GB).`);
  n.basis.push("Metadata: MySQL, the database Kubeflow Pipelines ships with; 2 vCPU, 4 GB, 20 GB (stated default).");
  return sizing("kubeflow", {
    vcpus: 8, memory_gb: 16, storage_gb: 20, replicas: 1,
    database: { engine: "mysql", vcpus: 2, memory_gb: 4, storage_gb: 20 },
    auxiliary: [{ name: "artifact-store", vcpus: 2, memory_gb: 4, storage_gb: artifacts, replicas: 1 }],
  }, n);
}

function sizeAirflow(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const users = loadOr(load.users, 5, "No user count given: sized for 5 users authoring DAGs.", n);
  const workers = Math.max(1, Math.ceil(users / 5));
  n.basis.push(`Celery workers: 2 vCPU, 4 GB each, one per 5 users (stated default) → ${workers}.`);
  n.basis.push("Scheduler and API server / webserver: 1 vCPU, 2 GB each (stated default).");
  n.basis.push("Metadata database: PostgreSQL, 2 vCPU, 4 GB, 20 GB (Airflow docs: SQLite is for development only; sizes stated default).");
  return sizing("airflow", {
    vcpus: 2, memory_gb: 4, storage_gb: 20, replicas: workers,
    database: { engine: "postgresql", vcpus: 2, memory_gb: 4, storage_gb: 20 },
    auxiliary: [
      { name: "scheduler", vcpus: 1, memory_gb: 2, storage_gb: 0, replicas: 1 },
      { name: "api-server", vcpus: 1, memory_gb: 2, storage_gb: 0, replicas: 1 },
    ],
  }, n);
}

// ── Monitoring ───────────────────────────────────────────────────────────────────────────────────

const SERIES_PER_NODE = 1000;
const SCRAPE_INTERVAL_S = 30;
const RETENTION_DAYS = 15;
const BYTES_PER_SAMPLE = 2;
const BYTES_PER_SERIES_RAM = 3000;

function sizePrometheus(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const nodes = loadOr(load.nodes, 10, "No node count given: sized for 10 monitored nodes.", n);
  const series = nodes * SERIES_PER_NODE;
  n.basis.push(`Active series = ${nodes} nodes × ${SERIES_PER_NODE} (node-exporter, kubelet/cAdvisor and DCGM series per node, stated default) = ${fmtCount(series)}.`);
  const ramGb = (series * BYTES_PER_SERIES_RAM) / 1e9;
  const mem = Math.max(2, ceilGb(ramGb + 1, 1));
  n.basis.push(
    `RAM = ${fmtCount(series)} series × 3 kB (Robust Perception, "Why does Prometheus use so much RAM?": ~3 kB per head series as of 2.20) ` +
      `= ${fmt1(ramGb)} GB + 1 GB for queries (stated) → ${mem} GB (minimum 2 GB).`,
  );
  const samplesPerS = series / SCRAPE_INTERVAL_S;
  const diskGb = (RETENTION_DAYS * 86400 * samplesPerS * BYTES_PER_SAMPLE) / 1e9;
  const disk = ceilGb(diskGb * 1.2, 10);
  n.basis.push(
    `Disk = ${RETENTION_DAYS} d retention (Prometheus default) × ${fmtCount(samplesPerS)} samples/s (${SCRAPE_INTERVAL_S} s scrape, kube-prometheus-stack default) ` +
      `× 2 B per sample (prometheus.io storage docs: 1–2 B) = ${fmt1(diskGb)} GB × 1.2 for the WAL (stated) → ${disk} GB (minimum 10 GB).`,
  );
  const vcpus = Math.max(2, Math.ceil(series / 1e6) + 1);
  n.basis.push(`vCPUs: 2, plus 1 per million series (stated default) → ${vcpus}.`);
  n.basis.push("Grafana: 1 vCPU, 1 GB (Grafana install docs: minimum recommended 512 MB — 255 MB in older versions — and 1 CPU; rounded up to whole GB), SQLite database (Grafana's default).");
  return sizing("prometheus", {
    vcpus, memory_gb: mem, storage_gb: disk, replicas: 1,
    auxiliary: [{ name: "grafana", vcpus: 1, memory_gb: 1, storage_gb: 1, replicas: 1 }],
  }, n);
}

function sizeGrafana(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const users = loadOr(load.users, 10, "No user count given: sized for 10 users.", n);
  const replicas = Math.max(1, Math.ceil(users / 100));
  n.basis.push(`Grafana: 1 vCPU, 1 GB (Grafana install docs: minimum recommended 512 MB — 255 MB in older versions — and 1 CPU; rounded up), one replica per 100 users (stated default) → ${replicas}.`);
  const database = replicas > 1 ? { engine: "postgresql" as const, vcpus: 1, memory_gb: 2, storage_gb: 10 } : null;
  n.basis.push(database
    ? "Several replicas share a PostgreSQL database (Grafana docs: SQLite is the default, a shared database is needed for high availability); 1 vCPU, 2 GB, 10 GB (stated)."
    : "Database: SQLite (Grafana's default).");
  return sizing("grafana", { vcpus: 1, memory_gb: 1, storage_gb: 1, replicas, database }, n);
}

// ── Other services ───────────────────────────────────────────────────────────────────────────────

function sizeOllama(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const data = loadOr(load.data_gb, 20, "No model volume given: 20 GB for pulled model files (stated default).", n, true);
  n.basis.push("Ollama server without a model: 1 vCPU, 1 GB for the daemon (stated default); the model's own CPU/GPU memory is sized with the model.");
  const storage = ceilGb(data, 10);
  n.basis.push(`Model storage = ${data} GB (minimum 10 GB) = ${storage} GB.`);
  return sizing("ollama", { vcpus: 1, memory_gb: 1, storage_gb: storage, replicas: 1 }, n);
}

function sizeLabelStudio(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const users = loadOr(load.users, 5, "No user count given: sized for 5 annotators.", n);
  const data = loadOr(load.data_gb, 10, "No data volume given: 10 GB of tasks and uploads (stated default).", n, true);
  const replicas = Math.max(1, Math.ceil(users / 25));
  n.basis.push(`Label Studio: 2 vCPU, 4 GB per replica, one per 25 annotators (stated default) → ${replicas}.`);
  const storage = ceilGb(data * 1.2, 10);
  n.basis.push(`Storage = ${data} GB × 1.2 (stated headroom) = ${storage} GB (minimum 10 GB).`);
  const database = users > 3 || replicas > 1 ? { engine: "postgresql" as const, vcpus: 1, memory_gb: 2, storage_gb: 10 } : null;
  n.basis.push(database
    ? "Database: PostgreSQL for a team (Label Studio ships a Docker Compose setup with PostgreSQL; SQLite is its single-user default); 1 vCPU, 2 GB, 10 GB (stated)."
    : "Database: SQLite (Label Studio's default) for ≤ 3 users.");
  return sizing("label-studio", { vcpus: 2, memory_gb: 4, storage_gb: storage, replicas, database }, n);
}

function sizeRedis(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const data = loadOr(load.data_gb, 1, "No data volume given: 1 GB in Redis (stated default).", n, true);
  const mem = ceilGb(data * 2, 1);
  n.basis.push(`RAM = ${data} GB × 2 (Redis persistence docs: the fork for RDB snapshots / AOF rewrites copies pages on write, up to 2× under heavy writes) = ${mem} GB.`);
  n.basis.push("2 vCPU: Redis executes commands on one main thread, the second serves persistence and I/O threads (stated default).");
  const storage = ceilGb(data * 2, 1);
  n.basis.push(`Disk = ${data} GB × 2 (RDB snapshot + AOF) = ${storage} GB.`);
  return sizing("redis", { vcpus: 2, memory_gb: mem, storage_gb: storage, replicas: 1 }, n);
}

function sizePostgres(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const data = loadOr(load.data_gb, 10, "No data volume given: 10 GB (stated default).", n, true);
  const rps = loadOr(load.requests_per_second, 50, "No query rate given: sized for 50 queries/s.", n);
  const mem = Math.min(256, Math.max(4, ceilGb(data, 1)));
  n.basis.push(
    `RAM = ${mem} GB: shared_buffers at 25% of RAM (PostgreSQL docs, "Resource Consumption") holds the hot quarter of ${data} GB (stated assumption), ` +
      `so RAM ≈ data size, between 4 and 256 GB.`,
  );
  const vcpus = Math.max(2, Math.ceil(rps / 500));
  n.basis.push(`vCPUs = max(2, ceil(${rps} queries/s / 500 simple queries/s per vCPU, stated default)) = ${vcpus}.`);
  const storage = ceilGb(data * 2, 20);
  n.basis.push(`Disk = ${data} GB × 2 (indexes and WAL, stated) = ${storage} GB (minimum 20 GB).`);
  return sizing("postgres", { vcpus, memory_gb: mem, storage_gb: storage, replicas: 1 }, n);
}

function sizeMinio(load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const data = loadOr(load.data_gb, 100, "No data volume given: 100 GB of objects (stated default).", n, true);
  const storage = ceilGb(data * 1.2, 10);
  n.basis.push(`Storage = ${data} GB × 1.2 (stated headroom; a single drive has no erasure-coding overhead) = ${storage} GB.`);
  n.basis.push(
    "2 vCPU, 4 GB (stated default): MinIO's memory guide budgets 2 MiB per concurrent request on 75% of RAM, so 4 GB serves ≈1,500 concurrent requests.",
  );
  return sizing("minio", { vcpus: 2, memory_gb: 4, storage_gb: storage, replicas: 1 }, n);
}

function sizeUnknown(tool: string, load: PlatformLoad): ServiceSizing {
  const n = new Notes();
  const data = loadOr(load.data_gb, 0, "No data volume given: no data storage planned.", n, true);
  n.defaults.push(`"${tool}" has no sizing preset: 2 vCPU, 4 GB, 20 GB disk (stated default for a small service).`);
  const storage = ceilGb(20 + data * 1.2, 20);
  n.basis.push(`Disk = 20 GB + ${data} GB data × 1.2 = ${storage} GB.`);
  return sizing(tool, { vcpus: 2, memory_gb: 4, storage_gb: storage, replicas: 1 }, n);
}

const SIZERS: Readonly<Record<string, Sizer>> = {
  mlflow: sizeMlflow, jupyterhub: sizeJupyterhub, ray: sizeRay, kubeflow: sizeKubeflow, airflow: sizeAirflow,
  qdrant: sizeQdrant, milvus: sizeMilvus, weaviate: sizeWeaviate, chroma: sizeChroma, pgvector: sizePgvector,
  prometheus: sizePrometheus, grafana: sizeGrafana, ollama: sizeOllama, "label-studio": sizeLabelStudio,
  redis: sizeRedis, postgres: sizePostgres, minio: sizeMinio,
};

/**
 * Size one platform / tool service from what is known of its load. Unknown tools get a stated small-service
 * default. Never returns NaN or Infinity: unusable load figures fall back to stated defaults.
 */
export function sizePlatformService(tool: string, load: PlatformLoad = {}): ServiceSizing {
  const id = normalizeTool(tool);
  const safeLoad = load ?? {};
  if (!id) return sizeUnknown(typeof tool === "string" && tool.trim() ? tool.trim() : "unknown", safeLoad);
  return SIZERS[id](safeLoad);
}
