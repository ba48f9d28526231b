import { describe, expect, it } from "vitest";
import { planComponents } from "./components";
import { cpuModelNeed, gpuHostNeed, platformNeed, totalNeed, vectorDimFor } from "./part-sizing";

const tool = (t: string) => planComponents({ task: "other", components: [{ kind: t === "mlflow" ? "tracking" : "vector_db", tool: t }] }).components[0];

describe("sizing the parts of a stack", () => {
  it("a platform grows with its users and data, and counts its database", () => {
    const small = platformNeed(tool("mlflow"), { users: 5 });
    const big = platformNeed(tool("mlflow"), { users: 200, data_gb: 2000 });
    expect(big.resources.vcpus * big.replicas).toBeGreaterThanOrEqual(small.resources.vcpus * small.replicas);
    expect(big.resources.storage_gb).toBeGreaterThan(small.resources.storage_gb);
    expect(small.basis.length).toBeGreaterThan(0);
  });
  it("a vector database's RAM grows with the data and the embedding width", () => {
    const a = platformNeed(tool("qdrant"), { data_gb: 10 }, 384);
    const b = platformNeed(tool("qdrant"), { data_gb: 100 }, 1024);
    expect(b.resources.memory_gb).toBeGreaterThan(a.resources.memory_gb);
    expect(vectorDimFor(0.335)).toBe(1024);
    expect(vectorDimFor(0.023)).toBe(384);
  });
  it("a CPU-served model needs more vCPUs at a higher rate", () => {
    const lo = cpuModelNeed("embeddings", 0.023, { requests_per_second: 10 }, 20);
    const hi = cpuModelNeed("embeddings", 0.023, { requests_per_second: 200 }, 20);
    expect(hi.resources.vcpus * hi.replicas).toBeGreaterThan(lo.resources.vcpus * lo.replicas);
    expect(hi.resources.gpus).toBe(0);
  });
  it("the model server's host share and the total of several needs", () => {
    expect(gpuHostNeed({ memory_gb_required: 18, breakdown: { weights: 16.1 }, formula: "", assumptions: [] }, 2)).toEqual({ vcpus: 8, memory_gb: 25 });
    const n = { resources: { vcpus: 2, memory_gb: 4, storage_gb: 10, gpus: 0 }, replicas: 3, basis: [] };
    expect(totalNeed([n, n])).toEqual({ vcpus: 12, memory_gb: 24, storage_gb: 60 });
  });
});
