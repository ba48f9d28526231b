/**
 * Vector databases: RAM and disk from the number of vectors; vCPUs from the query rate.
 *
 * Vectors from raw documents: data_gb of documents is read as text and cut into 512-token chunks;
 * 1 token ≈ 4 characters of English (OpenAI tokenizer guide), so one chunk ≈ 2,048 bytes and one vector.
 * Real PDFs / Office files hold less text than their size, so the count errs high.
 * Default dimension 1024 (BAAI/bge-large-en-v1.5 model card); all-MiniLM-L6-v2 gives 384 (pass vector_dim).
 */
import { ceilGb, fmt1, fmtCount, loadOr, Notes, sizing, type PlatformLoad, type ServiceSizing } from "./platform-types";

export const CHUNK_TOKENS = 512;
export const BYTES_PER_TOKEN = 4;
export const CHUNK_BYTES = CHUNK_TOKENS * BYTES_PER_TOKEN;
export const DEFAULT_VECTOR_DIM = 1024;
export const DEFAULT_DOCS_GB = 1;
export const DEFAULT_VECTOR_QPS = 10;
/**
 * ≈300 queries/s per CPU core for HNSW search: Baidu VectorDB "instance resource planning" guide
 * (Cohere 1M × 768 dims, recall 99%: 3,784 QPS on 3 data nodes of 4 cores → 3784 / 12 ≈ 300).
 */
export const VECTOR_QPS_PER_VCPU = 300;
const TARGET_UTILIZATION = 0.7;
/** Disk headroom for WAL, snapshots and segment rewrites (stated default). */
const DISK_HEADROOM = 2;

export interface VectorCount {
  vectors: number;
  dim: number;
}

/** Vectors and dimension for the load, with the derivation in `notes`. */
export function vectorCount(load: PlatformLoad, notes: Notes): VectorCount {
  const dim = Math.max(1, Math.round(loadOr(load.vector_dim, DEFAULT_VECTOR_DIM,
    `No embedding dimension given: ${DEFAULT_VECTOR_DIM} (bge-large-en-v1.5; all-MiniLM-L6-v2 would be 384).`, notes)));
  if (load.vectors !== undefined && Number.isFinite(load.vectors) && load.vectors > 0) {
    const vectors = Math.ceil(load.vectors);
    notes.basis.push(`Vectors: ${fmtCount(vectors)} (given), ${dim} dimensions.`);
    return { vectors, dim };
  }
  const docsGb = loadOr(load.data_gb, DEFAULT_DOCS_GB, `No document volume given: sized for ${DEFAULT_DOCS_GB} GB of documents to index.`, notes);
  const vectors = Math.max(1, Math.ceil((docsGb * 1e9) / CHUNK_BYTES));
  notes.basis.push(
    `Vectors = ${docsGb} GB of documents / ${CHUNK_BYTES.toLocaleString("en-US")} B per chunk (${CHUNK_TOKENS} tokens × ${BYTES_PER_TOKEN} characters per token, ` +
      `OpenAI tokenizer rule of thumb) = ${fmtCount(vectors)} vectors of ${dim} dimensions.`,
  );
  return { vectors, dim };
}

function queryVcpus(load: PlatformLoad, notes: Notes, minimum: number): number {
  const qps = loadOr(load.requests_per_second, DEFAULT_VECTOR_QPS, `No query rate given: sized for ${DEFAULT_VECTOR_QPS} queries/s.`, notes);
  const v = Math.max(minimum, Math.ceil(qps / (VECTOR_QPS_PER_VCPU * TARGET_UTILIZATION) - 1e-9));
  notes.basis.push(
    `vCPUs = max(${minimum}, ceil(${qps} queries/s / (${VECTOR_QPS_PER_VCPU} per vCPU × 70% target utilisation))) = ${v} ` +
      `(≈300 HNSW queries/s per core, Baidu VectorDB planning guide).`,
  );
  return v;
}

/** Raw float32 vectors, GB. */
const rawGb = (c: VectorCount): number => (c.vectors * c.dim * 4) / 1e9;
/** Chunk text stored as payload / metadata, GB. */
const payloadGb = (c: VectorCount): number => (c.vectors * CHUNK_BYTES) / 1e9;

function diskGb(c: VectorCount, notes: Notes, indexFactor = 1.5): number {
  const d = (rawGb(c) * indexFactor + payloadGb(c)) * DISK_HEADROOM;
  const gb = ceilGb(d, 10);
  notes.basis.push(
    `Disk = (${fmt1(rawGb(c))} GB vectors × ${indexFactor} (index) + ${fmt1(payloadGb(c))} GB chunk text) × ${DISK_HEADROOM} ` +
      `(WAL, snapshots, segment rewrites; stated default) = ${gb} GB (minimum 10 GB).`,
  );
  return gb;
}

export function sizeQdrant(load: PlatformLoad): ServiceSizing {
  const notes = new Notes();
  const c = vectorCount(load, notes);
  const ram = rawGb(c) * 1.5;
  notes.basis.push(
    `Qdrant RAM = vectors × dim × 4 B × 1.5 (Qdrant capacity-planning docs): ${fmtCount(c.vectors)} × ${c.dim} × 4 B × 1.5 = ${fmt1(ram)} GB (${(ram / 1.073741824).toFixed(2)} GiB).`,
  );
  return sizing("qdrant", {
    vcpus: queryVcpus(load, notes, 2), memory_gb: ceilGb(ram, 1), storage_gb: diskGb(c, notes), replicas: 1,
  }, notes);
}

export function sizeWeaviate(load: PlatformLoad): ServiceSizing {
  const notes = new Notes();
  const c = vectorCount(load, notes);
  const ram = rawGb(c) * 2;
  notes.basis.push(
    `Weaviate RAM = 2 × the vectors' footprint (Weaviate "Resource Planning" rule of thumb): 2 × ${fmtCount(c.vectors)} × ${c.dim} × 4 B = ${fmt1(ram)} GB.`,
  );
  return sizing("weaviate", {
    vcpus: queryVcpus(load, notes, 2), memory_gb: ceilGb(ram, 1), storage_gb: diskGb(c, notes), replicas: 1,
  }, notes);
}

export function sizeChroma(load: PlatformLoad): ServiceSizing {
  const notes = new Notes();
  const c = vectorCount(load, notes);
  const ram = rawGb(c);
  notes.basis.push(
    `Chroma RAM = vectors × dim × 4 B (Chroma cookbook "Resource Requirements"): ${fmtCount(c.vectors)} × ${c.dim} × 4 B = ${fmt1(ram)} GB, plus 1 GB for the server (stated default).`,
  );
  const disk = ceilGb(ram * 4 + payloadGb(c), 10);
  notes.basis.push(
    `Disk = 4 × the HNSW RAM (upper end of the cookbook's 2–4× heuristic) + ${fmt1(payloadGb(c))} GB chunk text = ${disk} GB (minimum 10 GB).`,
  );
  return sizing("chroma", {
    vcpus: queryVcpus(load, notes, 1), memory_gb: ceilGb(ram + 1, 2), storage_gb: disk, replicas: 1,
  }, notes);
}

/** Milvus standalone minimums (Milvus docs, "Requirements for Installing Milvus Standalone"). */
const MILVUS_MIN_VCPUS = 4;
const MILVUS_MIN_RAM_GB = 8;

export function sizeMilvus(load: PlatformLoad): ServiceSizing {
  const notes = new Notes();
  const c = vectorCount(load, notes);
  const ram = rawGb(c) * 1.5;
  const mem = Math.max(MILVUS_MIN_RAM_GB, ceilGb(ram, 1));
  notes.basis.push(
    `Milvus RAM = vectors × dim × 4 B × 1.5 (HNSW graph and segment overhead; the same 50% allowance as Qdrant's formula, stated — ` +
      `Milvus publishes an interactive sizing tool, not a formula): ${fmt1(ram)} GB; at least ${MILVUS_MIN_RAM_GB} GB and ${MILVUS_MIN_VCPUS} cores ` +
      `(Milvus standalone requirements) → ${mem} GB.`,
  );
  const disk = diskGb(c, notes);
  notes.basis.push("Milvus standalone local disk: 10 GB for logs and segment cache (stated default); vectors and index files live in MinIO.");
  notes.basis.push("etcd and MinIO sized from the Zilliz Milvus sizing tool's minimum setup (etcd 2 cores / 4 GB / 30 GB SSD; MinIO 2 cores / 8 GB).");
  return sizing("milvus", {
    vcpus: queryVcpus(load, notes, MILVUS_MIN_VCPUS), memory_gb: mem, storage_gb: 10, replicas: 1,
    auxiliary: [
      { name: "etcd", vcpus: 2, memory_gb: 4, storage_gb: 30, replicas: 1 },
      { name: "minio", vcpus: 2, memory_gb: 8, storage_gb: disk, replicas: 1 },
    ],
  }, notes);
}

export function sizePgvector(load: PlatformLoad): ServiceSizing {
  const notes = new Notes();
  const c = vectorCount(load, notes);
  const table = (c.vectors * (4 * c.dim + 8)) / 1e9;
  notes.basis.push(
    `pgvector storage per vector = 4 × dim + 8 B (pgvector README): ${fmtCount(c.vectors)} × (4 × ${c.dim} + 8) B = ${fmt1(table)} GB.`,
  );
  const ram = table * 2;
  const mem = Math.max(4, ceilGb(ram, 1));
  notes.basis.push(
    `RAM = 2 × ${fmt1(table)} GB (the vectors plus an HNSW index of about the same size kept in memory, stated assumption) = ${fmt1(ram)} GB; at least 4 GB → ${mem} GB.`,
  );
  const disk = ceilGb((table * 2 + payloadGb(c)) * DISK_HEADROOM, 20);
  notes.basis.push(
    `Disk = (table + index ${fmt1(table * 2)} GB + ${fmt1(payloadGb(c))} GB chunk text) × ${DISK_HEADROOM} (WAL, vacuum; stated default) = ${disk} GB (minimum 20 GB).`,
  );
  notes.basis.push("pgvector is a PostgreSQL extension: this is the PostgreSQL server itself, no separate database.");
  return sizing("pgvector", { vcpus: queryVcpus(load, notes, 2), memory_gb: mem, storage_gb: disk, replicas: 1 }, notes);
}
