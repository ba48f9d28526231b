import { describe, expect, it } from "vitest";
import { deriveChartQueries } from "./chart-queries";

const queries = (spec: Parameters<typeof deriveChartQueries>[0]) => deriveChartQueries(spec).map((q) => q.query);

describe("deriveChartQueries", () => {
  it("LLM inference: vLLM to serve, then the GPU operator and monitoring", () => {
    expect(queries({ task: "inference", modality: "llm" })).toEqual(["vllm", "gpu-operator", "kube-prometheus-stack"]);
  });

  it("non-LLM serving uses KServe", () => {
    for (const modality of ["image_generation", "vision", "speech", "embedding"] as const) {
      expect(queries({ task: "inference", modality })).toContain("kserve");
      expect(queries({ task: "inference", modality })).not.toContain("vllm");
    }
    expect(queries({ task: "batch_processing", modality: "llm" })).toContain("vllm");
  });

  it("training and fine-tuning get a training operator and Ray, not a server", () => {
    for (const task of ["training", "fine_tuning"] as const) {
      const q = queries({ task, modality: "llm" });
      expect(q).toEqual(expect.arrayContaining(["kubeflow trainer", "kuberay operator"]));
      expect(q).not.toContain("vllm");
    }
  });

  it("development gets JupyterHub", () => {
    expect(queries({ task: "development" })).toContain("jupyterhub");
  });

  it("tools the user asked for come first, with a purpose and a name check", () => {
    const qs = deriveChartQueries({ task: "fine_tuning", modality: "llm", tools: ["MLflow", "ray", "jupyter", "prometheus", "airflow"] });
    expect(qs.slice(0, 5).map((q) => q.query)).toEqual(["mlflow", "kuberay", "jupyterhub", "kube-prometheus-stack", "airflow"]);
    for (const q of qs.slice(0, 5)) expect(q.purpose).toMatch(/you asked for/);
    const ray = qs.find((q) => q.query === "kuberay")!;
    expect(ray.expectName!.test("kuberay-operator")).toBe(true);
    expect(ray.expectName!.test("grafana")).toBe(false);
    expect(qs.find((q) => q.query === "mlflow")!.expectName!.test("mlflow")).toBe(true);
  });

  it("never searches the same query twice", () => {
    const q = queries({ task: "development", tools: ["jupyterhub", "jupyter", "prometheus", "kube-prometheus-stack"] });
    expect(new Set(q).size).toBe(q.length);
  });

  it("escapes regex characters in tool names", () => {
    const qs = deriveChartQueries({ task: "inference", modality: "llm", tools: ["c++ (tools)"] });
    expect(() => qs[0].expectName!.test("x")).not.toThrow();
  });
});
