import { describe, expect, it } from "vitest";
import { finalizeParts, isPlatformOnly } from "./parts";
import { applyDefaults } from "./defaults";
import { decideClarification } from "./clarify";
import { emptyExtras } from "./types";

describe("a finished spec's parts", () => {
  it("platform-only: tools with no model; Ollama with no model too; a named workload is not", () => {
    expect(isPlatformOnly({ components: [{ kind: "tracking", tool: "mlflow" }] })).toBe(true);
    expect(isPlatformOnly({ components: [{ kind: "llm", tool: "ollama" }], workload: "chatbot" })).toBe(true);
    expect(isPlatformOnly({ components: [{ kind: "vector_db", tool: "qdrant" }], workload: "chatbot" })).toBe(false);
    expect(isPlatformOnly({ model: { name: "Llama 3 8B" }, components: [{ kind: "tracking", tool: "mlflow" }] })).toBe(false);
  });
  it("defaults invent no model, precision or LLM for a platform-only request", () => {
    const d = applyDefaults({ tools: ["mlflow"], components: [{ kind: "tracking", tool: "mlflow" }] });
    expect(d.spec.modality).toBeUndefined();
    expect(d.spec.precision).toBeUndefined();
    expect(d.reference_model).toBeNull();
    expect(d.assumptions.join(" ")).not.toMatch(/general-purpose LLM/);
    expect(d.spec.task).toBe("other");
  });
  it("the primary part carries spec.model (the model sized is the model deployed); training makes it the job", () => {
    const parts = finalizeParts({ task: "fine_tuning", modality: "llm", model: { name: "Llama 3 8B", hf_id: "meta-llama/Meta-Llama-3-8B", params_b: 8 }, components: [{ kind: "tracking", tool: "mlflow" }, { kind: "llm", model: { name: "Llama 3 8B" } }] });
    expect(parts[0]).toEqual({ kind: "training_job", model: { name: "Llama 3 8B", hf_id: "meta-llama/Meta-Llama-3-8B", params_b: 8 } });
    expect(parts.slice(1)).toEqual([{ kind: "tracking", tool: "mlflow" }]);
  });
  it("a model or workload with no parts named gets its one part; a development box gets notebooks", () => {
    expect(finalizeParts({ task: "inference", modality: "speech", workload: "speech recognition" })).toEqual([{ kind: "speech" }]);
    expect(finalizeParts({ task: "development" })).toEqual([{ kind: "notebooks", tool: "jupyterhub", role: "notebooks for the team" }]);
  });
});

describe("clarifications for the new kinds", () => {
  it("CPU only and GPUs in one request: asked which, first", () => {
    const c = decideClarification({ cpu_only: true, gpu: { count: 8, model: "H100" }, model: { name: "Llama 3 70B", params_b: 70 }, task: "inference" }, [], emptyExtras());
    expect(c?.questions[0]).toMatchObject({ id: "hardware" });
    expect(c?.questions[0].question).toMatch(/CPU only.*8× H100/);
  });
  it("an unknown product is named back, not planned as an LLM", () => {
    const c = decideClarification({}, [], { ...emptyExtras(), unknown_name: "zorblaxdb" });
    expect(c?.questions).toHaveLength(1);
    expect(c?.questions[0].question).toContain('"zorblaxdb"');
  });
  it("a platform-only request is not asked serve-or-train", () => {
    expect(decideClarification({ components: [{ kind: "tracking", tool: "mlflow" }] }, [], emptyExtras())).toBeNull();
  });
});
