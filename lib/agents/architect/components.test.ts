import { describe, expect, it } from "vitest";
import { planComponents, primaryComponent } from "./components";

const charts = (c: ReturnType<typeof primaryComponent>) => c.charts.map((q) => `${q.repository}/${q.name}`);

describe("one path per kind of workload", () => {
  it("LLM serving: vLLM through vllm/vllm-stack only", () => {
    const c = primaryComponent({ task: "inference", modality: "llm" });
    expect(c).toMatchObject({ component: "llm", engine: "vllm" });
    expect(charts(c)).toEqual(["vllm/vllm-stack"]);
    expect(primaryComponent({ task: "batch_processing", modality: "multimodal" }).engine).toBe("vllm");
  });
  it("GGUF or Ollama: otwld/ollama", () => {
    expect(charts(primaryComponent({ task: "inference", modality: "llm", tools: ["ollama"] }))).toEqual(["otwld/ollama"]);
    expect(primaryComponent({ task: "inference", modality: "llm", model: { hf_id: "Qwen/Qwen2.5-7B-Instruct-GGUF" } }).engine).toBe("ollama");
  });
  it("embeddings and rerankers: TEI as a plain Deployment (no chart)", () => {
    expect(primaryComponent({ task: "inference", modality: "embedding" })).toMatchObject({ component: "embeddings", engine: "tei", charts: [] });
    expect(primaryComponent({ task: "inference", modality: "embedding", model: { hf_id: "BAAI/bge-reranker-large" } }).component).toBe("reranker");
  });
  it("image generation, vision, speech: KServe in order cert-manager → kserve-crd → kserve-resources", () => {
    for (const modality of ["image_generation", "vision", "speech"] as const) {
      expect(charts(primaryComponent({ task: "inference", modality }))).toEqual(["jetstack/cert-manager", "kserve/kserve-crd", "kserve/kserve-resources"]);
    }
  });
  it("development: jupyterhub/jupyterhub; training: a job, and Ray for training from scratch", () => {
    expect(charts(primaryComponent({ task: "development" }))).toEqual(["jupyterhub/jupyterhub"]);
    expect(planComponents({ task: "training", modality: "vision" }).components.map((c) => c.component)).toEqual(["training_job", "distributed"]);
    expect(planComponents({ task: "fine_tuning", modality: "llm" }).components.map((c) => c.component)).toEqual(["training_job"]);
  });
  it("tools: tracking, distributed, vector DB from the table; other serving stacks are skipped, never installed", () => {
    const p = planComponents({ task: "inference", modality: "llm", tools: ["mlflow", "ray", "milvus", "qdrant", "tgi", "vllm", "airflow"] });
    expect(p.components.map((c) => [c.component, c.charts.map((q) => `${q.repository}/${q.name}`)])).toEqual([
      ["llm", ["vllm/vllm-stack"]],
      ["tracking", ["community-charts/mlflow"]],
      ["distributed", ["kuberay/kuberay-operator", "kuberay/ray-cluster"]],
      ["vector_db", ["zilliztech/milvus"]],
      ["other", ["bitnami/airflow"]],
    ]);
    expect(p.skippedStacks).toEqual(["tgi"]);
  });
  it("every part of the request is one component: the model first, then each tool; worded parts get the default tool", () => {
    const p = planComponents({
      task: "inference", modality: "llm", model: { name: "Llama 3 8B" },
      components: [
        { kind: "embeddings", model: { hf_id: "BAAI/bge-large-en-v1.5" } },
        { kind: "llm", model: { name: "Llama 3 8B" } },
        { kind: "vector_db" },
        { kind: "monitoring", tool: "prometheus" },
        { kind: "monitoring", tool: "grafana" },
      ],
    });
    expect(p.components.map((c) => [c.component, c.engine, c.tool ?? null])).toEqual([
      ["llm", "vllm", null],
      ["embeddings", "tei", null],
      ["vector_db", "qdrant", "qdrant"],
      ["monitoring", "prometheus", "prometheus"],
    ]);
  });
  it("platform-only: no component runs a model; Ollama with no model is a platform", () => {
    const p = planComponents({ task: "other", components: [{ kind: "tracking", tool: "mlflow" }, { kind: "llm", tool: "ollama" }] });
    // Ollama takes the GPU node, so it leads.
    expect(p.components.map((c) => [c.component, c.engine, c.runsModel])).toEqual([["llm", "ollama", false], ["tracking", "mlflow", false]]);
  });
});
