import { describe, expect, it } from "vitest";
import { editDistance, readTypos } from "./typos";
import { extractFromText } from "./extract";

describe("model names typed with a typo", () => {
  it.each([
    ["deploy lama 3.1 8b for a chatbot", "llama 3.1 8b", "Llama"],
    ["mistrall 7b instruct", "mistral 7b", "Mistral"],
    ["whsiper large v3 transcription", "whisper large", "Whisper"],
    ["deepsek r1 distill", "deepseek r1", "DeepSeek"],
    ["gemna 2 9b", "gemma 2 9b", "Gemma"],
  ])("%s → read as %s", (text, contains, family) => {
    const r = readTypos(text);
    expect(r.text).toContain(contains);
    expect(r.corrections[0].read).toBe(family);
  });
  it("words that must not match a model: real words, names written right, words not before a size", () => {
    for (const t of [
      "the lamp 3 is lame", "deploy llama 3 8b", "a queen 2 bed", "my lamb 7 years old", "lama for a chatbot", "mistrall please",
      "the best 7b model", "grow large over time", "mamba 2.8b", "a solo 3 person team", "clips 2 each",
      "run distilbert-base-uncased-finetuned-sst-2-english", "we finetuned it last week", "a user interface for it",
    ]) {
      expect(readTypos(t).corrections).toEqual([]);
    }
  });
  it("the reading is stated, and the plan uses the family", () => {
    const r = extractFromText("deploy lama 3.1 8b for a chatbot");
    expect(r.spec.model).toMatchObject({ name: "Llama 3.1 8B", params_b: 8 });
    expect(r.extras.notes).toContain('"lama" read as Llama.');
  });
  it("task words typed with a typo", () => {
    expect(readTypos("gemma2 9b infernce on a single L4").text).toContain("inference");
    expect(readTypos("full finetunning of mistral 7b").text).toContain("finetuning");
  });
  it("edit distance counts an adjacent swap as one edit", () => {
    expect(editDistance("whsiper", "whisper")).toBe(1);
    expect(editDistance("lava", "llama")).toBe(2);
  });
});

describe("budgets in each language", () => {
  it("budgets are understood in each language", () => {
    expect(extractFromText("quiero desplegar Llama 3 8B con presupuesto de 500 dólares al mes").spec.budget_monthly_usd).toBe(500);
    expect(extractFromText("Llama 3 8B bereitstellen, Budget 800 € pro Monat").spec.budget_monthly_usd).toBe(800);
    expect(extractFromText("déployer Mistral 7B, budget 300 euros par mois").spec.budget_monthly_usd).toBe(300);
  });
});

describe("tool and GPU names typed with a typo", () => {
  it.each([
    ["kubeflwo pipelines with promethues", ["kubeflow", "prometheus"]],
    ["a qdarnt vector database", ["qdrant"]],
    ["jupyterhbu for 5 data scientists", ["jupyterhub"]],
    ["serve it with ollamma", ["ollama"]],
    ["track runs in mlfloww", ["mlflow"]],
  ])("%s", (text, tools) => {
    const r = extractFromText(text);
    expect(r.spec.tools).toEqual(expect.arrayContaining(tools));
    expect(r.extras.notes?.some((n) => n.includes("read as"))).toBe(true);
  });
  it("GPU codes with letter O's for zeros, and the vendor name", () => {
    expect(extractFromText("train on two A1OO 80GB").spec.gpu).toMatchObject({ model: "A100-80GB", count: 2 });
    expect(extractFromText("a single h1oo please").spec.gpu).toMatchObject({ model: "H100" });
    expect(readTypos("nvdia 4090").text).toBe("nvidia 4090");
  });
  it("words that must not become a tool or a GPU", () => {
    for (const t of [
      "a vector database", "seldom used", "my minion", "in chrome", "sparks fly", "a tool to train", "our trainings", "the deployments",
      "pool of 100 users", "room 1o1", "a photo of 2 dogs", "look at logo1o", "notebooks for the team",
    ]) {
      expect(readTypos(t).corrections, t).toEqual([]);
    }
  });
});

describe("a typo near two families is asked, not guessed", () => {
  it("'mintral 7b' could be Mistral or Mixtral", async () => {
    const r = extractFromText("deploy mintral 7b for a chatbot");
    expect(r.spec.model?.name).toBeUndefined();
    expect(r.extras.model_ambiguous?.typed).toBe("mintral");
    expect([...(r.extras.model_ambiguous?.options ?? [])].sort()).toEqual(["Mistral", "Mixtral"]);
    const { runOfflineRequirements } = await import("../index");
    const out = await runOfflineRequirements([{ role: "user", content: "deploy mintral 7b for a chatbot" }]);
    expect(out.kind).toBe("clarification");
    if (out.kind === "clarification") {
      const q = out.clarification.questions.find((x) => x.id === "model");
      expect(q?.question).toMatch(/mintral/);
      expect(q?.options.join(" ")).toMatch(/Mistral/);
      expect(q?.options.join(" ")).toMatch(/Mixtral/);
    }
  });
});
