import { describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import { llmSummary } from "./plan-writer";
import { WRITER_SYSTEM } from "./prompts";
import type { LlmEngine } from "./provider";
import type { SummaryGround } from "./summary-check";
import { textResult } from "./mock-result";

const engine = (model: MockLanguageModelV3): LlmEngine => ({ model, label: "mock:test", timeoutMs: 5_000 });

const data = {
  memory_gb_required: 150.2,
  instances: [{ provider: "lium", instance_type: "RTX3090_8x", gpus: "8x RTX3090", gpu_memory_gb: 192, price_per_hour_usd: 1.28, monthly_cost_usd: 934.4 }],
  budget_monthly_usd: 3000,
  fits_budget: true,
  models: ["meta-llama/Llama-3.3-70B-Instruct"],
};
const ground: SummaryGround = {
  facts: { usd_hour: [1.28], usd_month: [934.4, 3000], gb: [150.2, 192], count: [8], params_b: [70], number: [] },
  names: ["RTX3090_8x", "RTX3090", "meta-llama/Llama-3.3-70B-Instruct", "Llama-3.3-70B-Instruct"],
  instance: "RTX3090_8x",
  model: "meta-llama/Llama-3.3-70B-Instruct",
};

describe("llmSummary", () => {
  it("accepts a grounded summary (exact, rounded or with separators) and passes the data in the prompt", async () => {
    const text = "Serving Llama-3.3-70B-Instruct needs about 150.2 GB of GPU memory. The cheapest fit is lium RTX3090_8x (8x RTX3090, 192 GB) at $1.28/h ≈ $934/month, within your $3,000 budget.";
    const model = new MockLanguageModelV3({ doGenerate: textResult(`  ${text}\n`) });
    expect(await llmSummary(engine(model), data, ground)).toBe(text);
    const call = model.doGenerateCalls[0];
    expect(JSON.stringify(call.prompt)).toContain(WRITER_SYSTEM.slice(0, 40));
    expect(JSON.stringify(call.prompt)).toContain("RTX3090_8x");
    expect(call.temperature).toBe(0.1);
  });

  it.each([
    ["It needs 160 GB on RTX3090_8x for Llama-3.3-70B-Instruct at $1.28/h.", "ungrounded_number"],
    ["150.2 GB on lium RTX3090_8x for Llama-3.3-70B-Instruct at $0.99/h.", "ungrounded_number"],
    ["   ", "empty_summary"],
    ["I'm sorry, but I can't help with that.", "refusal"],
    ["Lorem ipsum dolor sit amet.", "missing_names"],
  ])("rejects %j with the reason %s", async (text, reason) => {
    const model = new MockLanguageModelV3({ doGenerate: textResult(text) });
    await expect(llmSummary(engine(model), data, ground)).rejects.toMatchObject({ name: "LlmFallback", reason });
  });
});
