import { describe, expect, it } from "vitest";
import { extractJobData } from "./job-data";
import { extractServiceTarget } from "./service-target";
import { extractBudget } from "./budget";
import { extractFromText } from "./extract";

describe("the size of a job", () => {
  it.each([
    ["fine-tune on 50k examples of ~512 tokens each, 3 epochs", { dataset_examples: 50_000, avg_example_tokens: 512, epochs: 3 }],
    ["10,000 labelled samples, average length 800 tokens", { dataset_examples: 10_000, avg_example_tokens: 800 }],
    ["pretrain on 2T tokens of data", { dataset_tokens: 2e12 }],
    ["train it on 300B tokens", { dataset_tokens: 3e11 }],
    ["a dataset of 1.5 million conversations, one epoch", { dataset_examples: 1_500_000, epochs: 1 }],
    ["fine-tune on 1e7 examples", { dataset_examples: 1e7 }],
    ["20k images for 50 epochs", { dataset_examples: 20_000, epochs: 50 }],
  ])("%s", (text, want) => expect(extractJobData(text)).toMatchObject(want));
  it("numbers no job holds are out of range, not used", () => {
    expect(extractJobData("train on 10^30 tokens")).toEqual({ out_of_range: { field: "dataset_tokens", written: "10^30 tokens" } });
    expect(extractJobData("5000 epochs").out_of_range?.field).toBe("epochs");
    expect(extractJobData("5000 epochs").epochs).toBeUndefined();
  });
  it("counts that are not a job's data are left alone", () => {
    for (const t of ["a 32k context", "8 GPUs with 80GB", "200 users", "1M tokens per day", "Llama 3 8B"]) expect(extractJobData(t), t).toEqual({});
  });
});

describe("service targets", () => {
  it.each([
    ["400 concurrent users at 20 tokens/s each", { target_tokens_per_s: 20 }],
    ["at least 30 tok/s per user", { target_tokens_per_s: 30 }],
    ["TTFT under 500 ms", { target_ttft_ms: 500 }],
    ["time to first token within 1.5 seconds", { target_ttft_ms: 1500 }],
    ["prompts of about 2k tokens, answers around 300 tokens", { avg_prompt_tokens: 2000, avg_output_tokens: 300 }],
    ["it has to be fast", { fast: true }],
  ])("%s", (text, want) => expect(extractServiceTarget(text)).toMatchObject(want));
  it("a total throughput is not a per-user speed, and 'not fast' is no target", () => {
    expect(extractServiceTarget("5000 tokens/s in total").target_tokens_per_s).toBeUndefined();
    expect(extractServiceTarget("it does not need to be fast").fast).toBeUndefined();
    expect(extractServiceTarget("fast to set up").fast).toBeUndefined();
  });
  it("impossible targets are out of range", () => {
    expect(extractServiceTarget("1000000 tokens/s each").out_of_range?.field).toBe("target_tokens_per_s");
  });
});

describe("a budget for the whole run", () => {
  it.each([
    ["$500 for the whole fine-tune", 500],
    ["budget $800 total", 800],
    ["a one-off budget of $300", 300],
    ["2k dollars per run", 2000],
  ])("%s", (text, v) => {
    const b = extractBudget(text);
    expect(b.budget_per_run_usd).toBe(v);
    expect(b.budget_monthly_usd).toBeUndefined();
  });
  it("a monthly budget stays monthly, and both can be given", () => {
    expect(extractBudget("$500 a month").budget_per_run_usd).toBeUndefined();
    expect(extractBudget("$300 for the whole run and $1000 a month for serving")).toMatchObject({ budget_per_run_usd: 300, budget_monthly_usd: 1000 });
  });
  it("a job's data is read only for training and fine-tuning", () => {
    expect(extractFromText("fine-tune Mistral 7B on 50k examples").spec.dataset_examples).toBe(50_000);
    expect(extractFromText("serve SDXL to generate 20k images a day").spec.dataset_examples).toBeUndefined();
  });
});

describe("counts that cannot be", () => {
  it.each([
    ["fine-tune Mistral 7B on -5 examples", "dataset_examples"],
    ["serve Llama 3 8B for 0 users", "concurrency"],
    ["10 examples, 0 epochs", "epochs"],
  ])("%s → asked about (%s)", (text, field) => expect(extractJobData(text).out_of_range?.field).toBe(field));
  it("the question says the number is impossible, and a reply in range answers it", async () => {
    const { runOfflineRequirements } = await import("../index");
    const r = await runOfflineRequirements([{ role: "user", content: "fine-tune Mistral 7B on -5 examples, $500 for the whole run" }]);
    expect(r.kind).toBe("clarification");
    if (r.kind !== "clarification") return;
    const q = r.clarification.questions.find((x) => x.id === "dataset_examples")!;
    expect(q.question).toMatch(/not a possible number of training examples/);
    const next = await runOfflineRequirements([
      { role: "user", content: "fine-tune Mistral 7B on -5 examples, $500 for the whole run" },
      { role: "assistant", content: "questions", clarification: r.clarification },
      { role: "user", content: q.options[1] },
    ]);
    expect(next.kind).toBe("spec");
    if (next.kind === "spec") expect(next.spec.dataset_examples).toBe(100_000);
  });
});
