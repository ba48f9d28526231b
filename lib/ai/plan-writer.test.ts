import { describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import { llmSummary } from "./plan-writer";
import { WRITER_SYSTEM } from "./prompts";
import type { LlmEngine } from "./provider";
import { textResult } from "./mock-result";

const engine = (model: MockLanguageModelV3): LlmEngine => ({ model, label: "mock:test", timeoutMs: 5_000 });

const facts = {
  memory_gb_required: 150.2,
  instances: [{ provider: "lium", instance_type: "RTX3090_8x", gpus: "8x RTX3090", gpu_memory_gb: 192, price_per_hour_usd: 1.28, monthly_cost_usd: 934.4 }],
  budget_monthly_usd: 3000,
  fits_budget: true,
  models: ["meta-llama/Llama-3.3-70B-Instruct"],
};

describe("llmSummary", () => {
  it("accepts a summary whose numbers are all in the facts (exact, rounded or with separators)", async () => {
    const text = "Serving Llama 70B needs about 150.2 GB of GPU memory. The cheapest fit is lium RTX3090_8x (8x RTX3090, 192 GB) at $1.28/h ≈ $934/month, within your $3,000 budget.";
    const model = new MockLanguageModelV3({ doGenerate: textResult(`  ${text}\n`) });
    expect(await llmSummary(engine(model), facts)).toBe(text);
    const call = model.doGenerateCalls[0];
    expect(JSON.stringify(call.prompt)).toContain(WRITER_SYSTEM.slice(0, 40));
    // The facts are passed as data in the prompt.
    expect(JSON.stringify(call.prompt)).toContain("RTX3090_8x");
  });

  it("rejects a summary that invents a number", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textResult("It needs 160 GB and costs $1.28/h.") });
    await expect(llmSummary(engine(model), facts)).rejects.toThrow(/not in the tool results: 160/);
  });

  it("rejects an invented price even when the other numbers are right", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textResult("150.2 GB on lium RTX3090_8x at $0.99/h.") });
    await expect(llmSummary(engine(model), facts)).rejects.toThrow(/0\.99/);
  });

  it("rejects an empty summary", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textResult("   ") });
    await expect(llmSummary(engine(model), facts)).rejects.toThrow(/empty summary/);
  });
});
