import { describe, expect, it } from "vitest";
import { budgetFromBareNumber, extractBudget } from "./budget";

describe("extractBudget: amounts and periods", () => {
  it.each([
    ["$3000/mo", 3000],
    ["3k a month", 3000],
    ["$2/hr", 1460],
    ["2 dollars an hour", 1460],
    ["two dollars an hour", 1460],
    ["under $500 per month", 500],
    ["budget of 10,000 USD monthly", 10000],
    ["€2000/month", 2000],
    ["$50/day", 1520],
    ["$1.5k/mo", 1500],
    ["$30k per year", 2500],
    ["I can spend about 2000 a month", 2000],
    ["around $2k/month", 2000],
    ["monthly budget of $800", 800],
    ["my budget is 5k", 5000],
    ["budget: 1500", 1500],
    ["$2000 budget", 2000],
    ["max 3000 usd", 3000],
    ["£1000 a month", 1000],
    ["$0.50 per hour", 365],
    ["$500–$2,000/month", 2000],
    ["between 2k and 3k per month", 3000],
    ["Train object detection model, $3000/mo, 2x24GB GPUs", 3000],
    ["Llama 3.1 8B for $2/hr", 1460],
    ["$200", 200],
  ])("%s → %s", (text, monthly) => {
    expect(extractBudget(text).budget_monthly_usd).toBe(monthly);
  });

  it("says how an hourly price became monthly", () => {
    expect(extractBudget("$2/hr").notes.join(" ")).toMatch(/730/);
  });
  it("says euros are treated as dollars", () => {
    const r = extractBudget("€2000/month");
    expect(r.currency).toBe("EUR");
    expect(r.notes.join(" ")).toMatch(/EUR.*USD/);
  });
  it("a small amount without a period reads as hourly, with a note", () => {
    const r = extractBudget("$5");
    expect(r.budget_monthly_usd).toBe(3650);
    expect(r.period).toBe("hour");
    expect(r.notes.length).toBeGreaterThan(0);
  });
});

describe("extractBudget: numbers that are not budgets", () => {
  it.each([
    "Llama 3",
    "Llama 3.1 8B Instruct",
    "YOLOv8 with 3.1 release",
    "2x24GB GPUs",
    "8 H100s",
    "32k context",
    "128K tokens",
    "50 concurrent users",
    "batch size 16",
    "24/7 uptime",
    "1000 hours of audio per month",
    "process 10k images a day",
    "Qwen2.5 72B",
    "100 requests per hour",
  ])("%s", (text) => {
    expect(extractBudget(text).budget_monthly_usd).toBeUndefined();
  });
});

describe("extractBudget: no budget", () => {
  it.each(["no budget", "No fixed budget", "budget isn't a concern", "money is no object", "no cost limit"])("%s", (text) => {
    const r = extractBudget(text);
    expect(r.budget_none).toBe(true);
    expect(r.budget_monthly_usd).toBeUndefined();
  });
});

describe("budgetFromBareNumber", () => {
  it.each([
    ["2000", 2000],
    ["~1.5k", 1500],
    ["around 800", 800],
    ["$2", 1460],
    ["2k usd", 2000],
    ["inference", undefined],
  ])("%s → %s", (text, v) => {
    expect(budgetFromBareNumber(text)).toBe(v);
  });
});
