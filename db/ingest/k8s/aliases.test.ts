import { describe, expect, it } from "vitest";
import { aliasesFor, baseName } from "./aliases";

describe("aliases", () => {
  it("baseName strips packaging suffixes repeatedly", () => {
    expect(baseName("kube-prometheus-stack")).toBe("kube-prometheus");
    expect(baseName("ai-gateway-crds-helm")).toBe("ai-gateway");
    expect(baseName("gpu-operator")).toBe("gpu");
    expect(baseName("operator")).toBe("operator");
  });

  it("table entries by name and by id", () => {
    expect(aliasesFor("bitnami/mongodb", "mongodb")).toEqual(["mongo"]);
    expect(aliasesFor("nvidia/gpu-operator", "gpu-operator")).toEqual(
      expect.arrayContaining(["nvidia", "cuda", "gpu"]),
    );
    expect(aliasesFor("cnpg/cluster", "cluster")).toEqual(expect.arrayContaining(["postgres", "cnpg"]));
    expect(aliasesFor("otherrepo/cluster", "cluster")).toEqual([]);
    for (const db of ["qdrant", "milvus", "weaviate", "chromadb"]) {
      expect(aliasesFor(`x/${db}`, db)).toContain("vector database");
    }
    expect(aliasesFor("vllm/vllm-stack", "vllm-stack")).toContain("vllm");
    expect(aliasesFor("kuberay/ray-cluster", "ray-cluster")).toContain("ray");
    expect(aliasesFor("jupyterhub/jupyterhub", "jupyterhub")).toEqual(expect.arrayContaining(["jupyter", "notebook"]));
    expect(aliasesFor("bitnami/minio", "minio")).toEqual(["s3", "object storage"]);
  });

  it("lower-case, deduplicated, never the name itself", () => {
    const a = aliasesFor("kserve/kserve-resources", "kserve-resources");
    expect(new Set(a).size).toBe(a.length);
    expect(a).not.toContain("kserve-resources");
    expect(a.every((x) => x === x.toLowerCase())).toBe(true);
  });
});
