import { describe, expect, it } from "vitest";
import { normalizeTool, PLATFORM_TOOLS, platformKindOf, sizePlatformService, type ServiceSizing } from "./platform";
import type { PlatformLoad } from "./platform-types";
import { CHUNK_BYTES } from "./platform-vector";

const VECTOR_DBS = ["qdrant", "milvus", "weaviate", "chroma", "pgvector"];

function allNumbers(s: ServiceSizing): number[] {
  const parts = [s, ...(s.database ? [s.database] : []), ...s.auxiliary];
  return parts.flatMap((p) => [p.vcpus, p.memory_gb, p.storage_gb, ...("replicas" in p ? [p.replicas] : [])]);
}

describe("vector databases", () => {
  it("reproduces Qdrant's capacity-planning example: 1M × 1024 dims × 4 B × 1.5 ≈ 5.72 GiB", () => {
    const s = sizePlatformService("qdrant", { vectors: 1_000_000, vector_dim: 1024 });
    expect(s.memory_gb).toBe(Math.ceil((1_000_000 * 1024 * 4 * 1.5) / 1e9));
    expect(s.basis.join(" ")).toContain("1M × 1024 × 4 B × 1.5 = 6.1 GB (5.72 GiB)");
  });

  it("derives vectors from documents: 5 GB / 2,048 B chunks = 2.44M vectors → 15.0 GB for Qdrant", () => {
    const s = sizePlatformService("qdrant", { data_gb: 5 });
    const vectors = Math.ceil((5e9) / CHUNK_BYTES);
    expect(s.memory_gb).toBe(Math.ceil((vectors * 1024 * 4 * 1.5) / 1e9));
    expect(s.basis.join(" ")).toContain("2.44M × 1024 × 4 B × 1.5 = 15.0 GB");
    expect(s.defaults.join(" ")).toMatch(/No embedding dimension given: 1024/);
  });

  it("uses the published formulas of Weaviate (2×), Chroma (1×) and pgvector (4·dim + 8 B)", () => {
    const load = { vectors: 10_000_000, vector_dim: 768 };
    const raw = (10_000_000 * 768 * 4) / 1e9;
    expect(sizePlatformService("weaviate", load).memory_gb).toBe(Math.ceil(2 * raw));
    expect(sizePlatformService("chroma", load).memory_gb).toBe(Math.ceil(raw + 1));
    expect(sizePlatformService("pgvector", load).basis.join(" ")).toContain(`${((10_000_000 * (4 * 768 + 8)) / 1e9).toFixed(1)} GB`);
  });

  it("reproduces Weaviate's example: 1M × 384 dims float32, doubled = 3.1 GB", () => {
    const s = sizePlatformService("weaviate", { vectors: 1_000_000, vector_dim: 384 });
    expect(s.basis.join(" ")).toContain("2 × 1M × 384 × 4 B = 3.1 GB");
    expect(s.memory_gb).toBe(4);
  });

  it("keeps Milvus at its standalone minimum (4 cores, 8 GB) and adds etcd and MinIO", () => {
    const s = sizePlatformService("milvus", { vectors: 1000 });
    expect(s.vcpus).toBeGreaterThanOrEqual(4);
    expect(s.memory_gb).toBe(8);
    expect(s.auxiliary.map((a) => a.name).sort()).toEqual(["etcd", "minio"]);
  });

  it("grows RAM with data and shrinks it with a smaller dimension", () => {
    for (const tool of VECTOR_DBS) {
      let prev = 0;
      for (const data_gb of [0.1, 1, 10, 100, 1000]) {
        const m = sizePlatformService(tool, { data_gb }).memory_gb;
        expect(m).toBeGreaterThanOrEqual(prev);
        prev = m;
      }
      expect(prev).toBeGreaterThan(sizePlatformService(tool, { data_gb: 0.1 }).memory_gb);
      expect(sizePlatformService(tool, { data_gb: 100, vector_dim: 384 }).memory_gb)
        .toBeLessThan(sizePlatformService(tool, { data_gb: 100, vector_dim: 1024 }).memory_gb);
    }
  });

  it("adds vCPUs with the query rate", () => {
    expect(sizePlatformService("qdrant", { requests_per_second: 2000 }).vcpus)
      .toBeGreaterThan(sizePlatformService("qdrant", { requests_per_second: 10 }).vcpus);
  });
});

describe("platforms", () => {
  it("MLflow: PostgreSQL backend, artifact storage from data_gb, replicas with users", () => {
    const s = sizePlatformService("mlflow", { users: 10, data_gb: 100 });
    expect(s.database?.engine).toBe("postgresql");
    expect(s.storage_gb).toBe(120);
    expect(s.defaults).toEqual([]);
    expect(sizePlatformService("mlflow", { users: 200 }).replicas).toBeGreaterThan(s.replicas);
  });

  it("JupyterHub hub: SQLite (no database) for a small team, PostgreSQL for many users", () => {
    expect(sizePlatformService("jupyterhub", { users: 10 }).database).toBeNull();
    expect(sizePlatformService("jupyterhub", { users: 500 }).database?.engine).toBe("postgresql");
  });

  it("Ray: workers from data in the object store, the large-cluster head spec past 10 workers", () => {
    const small = sizePlatformService("ray", { data_gb: 10 });
    expect(small.replicas).toBe(Math.ceil(10 / (32 * 0.3)));
    expect(small.auxiliary[0]).toMatchObject({ name: "ray-head", vcpus: 4 });
    const big = sizePlatformService("ray", { data_gb: 500 });
    expect(big.replicas).toBeGreaterThan(10);
    expect(big.auxiliary[0]).toMatchObject({ name: "ray-head", vcpus: 8, memory_gb: 32 });
  });

  it("Kubeflow and Airflow carry a metadata database", () => {
    expect(sizePlatformService("kubeflow").database?.engine).toBe("mysql");
    expect(sizePlatformService("airflow").database?.engine).toBe("postgresql");
  });

  it("Prometheus: RAM and disk grow with monitored nodes; Grafana rides along", () => {
    const a = sizePlatformService("prometheus", { nodes: 10 });
    const b = sizePlatformService("prometheus", { nodes: 5000 });
    expect(b.memory_gb).toBeGreaterThan(a.memory_gb);
    expect(b.storage_gb).toBeGreaterThan(a.storage_gb);
    expect(a.auxiliary[0].name).toBe("grafana");
  });

  it("states defaults when nothing is known, none for figures that were given", () => {
    for (const tool of PLATFORM_TOOLS) {
      expect(sizePlatformService(tool, {}).defaults.length, tool).toBeGreaterThan(0);
      expect(sizePlatformService(tool, {}).basis.length, tool).toBeGreaterThan(0);
    }
    expect(sizePlatformService("mlflow", { users: 3 }).defaults.join(" ")).not.toMatch(/user count/);
  });

  it("falls back for an unknown tool with stated defaults", () => {
    const s = sizePlatformService("superset", {});
    expect(s.tool).toBe("superset");
    expect(s.defaults.join(" ")).toMatch(/no sizing preset/);
    expect(platformKindOf("superset")).toBe("other");
  });

  it("returns whole, finite, positive figures for edge loads", () => {
    const loads: PlatformLoad[] = [
      {}, { users: 0, data_gb: 0, requests_per_second: 0 }, { users: -5, data_gb: Number.NaN, vector_dim: -1 },
      { users: Number.POSITIVE_INFINITY, data_gb: Number.POSITIVE_INFINITY, requests_per_second: Number.POSITIVE_INFINITY },
      { users: 1e6, data_gb: 1e6, requests_per_second: 1e6, nodes: 1e5, vector_dim: 4096 },
    ];
    for (const tool of [...PLATFORM_TOOLS, "unknown-thing"]) {
      for (const load of loads) {
        const s = sizePlatformService(tool, load);
        for (const v of allNumbers(s)) {
          expect(Number.isFinite(v), `${tool} ${JSON.stringify(load)}`).toBe(true);
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(s.vcpus).toBeGreaterThanOrEqual(1);
        expect(s.memory_gb).toBeGreaterThanOrEqual(1);
        expect(s.replicas).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe("platformKindOf / normalizeTool", () => {
  it("maps every tool to its component kind, through aliases", () => {
    const expected: Record<string, string> = {
      qdrant: "vector_db", milvus: "vector_db", weaviate: "vector_db", ChromaDB: "vector_db", pgvector: "vector_db",
      MLflow: "tracking", jupyterhub: "notebooks", "Zero to JupyterHub": "notebooks", ray: "distributed", KubeRay: "distributed",
      "kube-prometheus-stack": "monitoring", grafana: "monitoring", kubeflow: "pipelines", "Apache Airflow": "pipelines",
      ollama: "other", "Label Studio": "other", redis: "other", postgresql: "other", minio: "other",
    };
    for (const [tool, kind] of Object.entries(expected)) expect(platformKindOf(tool), tool).toBe(kind);
    expect(normalizeTool("Label Studio")).toBe("label-studio");
    expect(normalizeTool("nope")).toBeNull();
  });
});
