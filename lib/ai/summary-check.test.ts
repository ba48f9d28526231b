import { describe, expect, it } from "vitest";
import { mentions, summaryRejection, type SummaryGround } from "./summary-check";

const ground: SummaryGround = {
  facts: { usd_hour: [1.28], usd_month: [934.4, 3000], gb: [152.4, 192], count: [8], params_b: [70], number: [730] },
  names: ["RTX3090_8x", "meta-llama/Llama-3.3-70B-Instruct", "Llama-3.3-70B-Instruct", "RTX3090", "lium"],
  instance: "RTX3090_8x",
  model: "meta-llama/Llama-3.3-70B-Instruct",
};
const good = "Serve Llama-3.3-70B-Instruct on lium RTX3090_8x (8x RTX3090, 192 GB) at $1.28/h ≈ $934/month; it needs 152.4 GB.";

describe("summaryRejection", () => {
  it("accepts a grounded summary naming the chosen model and instance", () => {
    expect(summaryRejection(good, ground)).toBeNull();
    expect(summaryRejection(good.replace("Llama-3.3-70B-Instruct", "meta-llama/Llama-3.3-70B-Instruct"), ground)).toBeNull();
  });

  it.each([
    ["", "empty_summary"],
    ["   \n", "empty_summary"],
    ["I'm sorry, but I can't help with that request.", "refusal"],
    ["I cannot assist with this. " + good, "refusal"],
    ["As an AI language model, I recommend " + good, "refusal"],
    [good.replace("$1.28/h", "$2/h"), "ungrounded_number"],
    [good.replace("$934/month", "$152/month"), "ungrounded_number"],
    ["Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "missing_names"],
    [good.replace("RTX3090_8x (", "an instance ("), "missing_names"],
    [good.replace("Serve Llama-3.3-70B-Instruct on", "Serve the model on"), "missing_names"],
  ])("rejects %j as %s", (text, reason) => {
    expect(summaryRejection(text, ground)).toBe(reason);
  });

  it("without a chosen model or instance, only the numbers and refusals are checked", () => {
    expect(summaryRejection("No instance fits; 152.4 GB is needed.", { ...ground, instance: null, model: null })).toBeNull();
  });
});

describe("mentions", () => {
  it("ignores case, spaces, dashes and underscores", () => {
    expect(mentions("use rtx3090 8x now", ["RTX3090_8x"])).toBe(true);
    expect(mentions("use the A100", ["RTX3090_8x"])).toBe(false);
  });
});
