/**
 * The plan view's Performance card, Job card and spot/on-demand toggle, on two plans served to the
 * UI without the pipeline (mocked /api/chat/stream): a served LLM with a performance estimate, and a
 * LoRA fine-tune with a job estimate and spot prices.
 */
import { expect, test, type Page } from "@playwright/test";
import type { ChatResponse } from "../lib/schemas/chat";
import type { Deployment, DeploymentPlan, Job, Performance } from "../lib/schemas/plan";
import {
  formatDuration, formatFraction, formatGpuHours, formatHourly, formatMonthly, formatMs, formatRate, formatScientific, formatTokens, formatUsdSmall,
} from "../components/plan/format";
import { mockHealth, mockStream, plan as llmBase, planResponse, streamBody } from "./ui-fixtures";

const HOURS_PER_MONTH = 730; // the schema's monthly_cost_usd rule (lib/schemas/plan.ts)

// ---- a served LLM: Llama 3.1 70B on Lambda's 4× RTX A6000, a 20 tokens/s target it cannot meet
const replicas = 4;
const aggregate = 11.4; // output tokens/s of all replicas at the load
const performance: Performance = {
  prefill_tokens_per_s: 1520,
  decode_tokens_per_s_per_sequence: 11.4,
  aggregate_tokens_per_s: aggregate,
  ttft_ms: (1000 / 1520) * 1000,
  replicas_needed: replicas,
  // cost per million output tokens = hourly × replicas / (tokens/s × 3600) × 1e6 (docs/PERFORMANCE.md)
  cost_per_million_output_tokens_usd: ((3.2 * replicas) / (aggregate * replicas * 3600)) * 1e6,
  cost_per_million_output_tokens_spot_usd: null,
  binding_constraint: "latency",
  assumptions: ["Decode reads the weights once per step at 0.75 of peak bandwidth.", "Tensor parallel over 4 GPUs on PCIe: × 0.7."],
  gpu: "RTX A6000 PCIe",
  batch_per_replica: 1,
  target_tokens_per_s_per_sequence: 20,
  target_ttft_ms: 2000,
  meets_target: false,
};

const llmDeployment: Deployment = {
  component: "llm", model_id: "meta-llama/Llama-3.1-70B-Instruct", precision: "bf16", quantization: null, engine: "vllm",
  engine_image: "vllm/vllm-openai:v0.9.1", instance: { provider: "lambda", instance_type: "gpu_4x_a6000", region: "us-south-1" },
  gpus_per_replica: 4, replicas, tensor_parallel_size: 4, pipeline_parallel_size: null, max_model_len: 8192, gpu_memory_utilization: 0.9,
  kv_cache_dtype: null, memory_per_gpu_gb: { needed: 41.1, usable: 45.4 }, fits: true, performance,
};

const llmPlan: DeploymentPlan = {
  ...llmBase, deployments: [llmDeployment], estimated_monthly_cost_spot_usd: null, budget_basis: "on_demand",
};

// ---- a LoRA fine-tune of Llama 3.1 8B on one A100 80GB: 100k examples × 512 tokens × 3 epochs
const tokens = 100_000 * 512 * 3;
const totalFlops = 4 * 8.03e9 * tokens; // 4·N·D for LoRA (docs/PERFORMANCE.md)
const mfu = 0.4 * 0.85;
const gpuHours = totalFlops / (312e12 * mfu * 3600);
const onDemand = 3.673;
const spotPrice = 1.469;
const job: Job = {
  tokens, total_flops: totalFlops, mfu, gpu_hours: gpuHours, wall_clock_hours: gpuHours,
  run_cost_usd: gpuHours * onDemand, run_cost_spot_usd: gpuHours * spotPrice,
  assumptions: ["100,000 examples × 512 tokens × 3 epochs.", "FLOPs = 4 × N × D for LoRA.", "A100 dense 16-bit peak 312 TFLOPS."],
};

const gpuRow = { gpu_count: 1, gpu_memory_gb: 80, gpu_memory_gb_per_gpu: 80 };
const jobCompute: DeploymentPlan["compute"] = [
  { provider: "azure", instance_type: "Standard_NC24ads_A100_v4", region: "eastus", gpu_model: "A100", ...gpuRow, vcpus: 24, memory_gb: 220,
    price_per_hour_usd: onDemand, spot_price_per_hour_usd: spotPrice, monthly_cost_usd: onDemand * HOURS_PER_MONTH },
  { provider: "gcp", instance_type: "a2-ultragpu-1g", region: "us-central1", gpu_model: "A100", ...gpuRow, vcpus: 12, memory_gb: 170,
    price_per_hour_usd: 5.07, spot_price_per_hour_usd: 1.012, monthly_cost_usd: 5.07 * HOURS_PER_MONTH },
  { provider: "aws", instance_type: "p5.4xlarge", region: "us-east-1", gpu_model: "H100", ...gpuRow, vcpus: 16, memory_gb: 256,
    price_per_hour_usd: 6.88, spot_price_per_hour_usd: null, monthly_cost_usd: 6.88 * HOURS_PER_MONTH },
];

const jobPlan: DeploymentPlan = {
  ...llmBase,
  summary: "Fine-tune Llama 3.1 8B Instruct with LoRA on one A100 80GB: 153.6M tokens in about half a day.",
  sizing: {
    memory_gb_required: 27.4, breakdown: { weights: 16.1, adapters: 0.2, activations: 8.1, overhead: 3.0 },
    formula: "weights = 8.03e9 × 2 B = 16.1 GB; LoRA adapters + optimizer states 0.2 GB; activations 8.1 GB", assumptions: ["bf16 base weights"], source: "formula",
  },
  compute: jobCompute,
  models: [llmBase.models[0]],
  deployments: [{
    ...llmDeployment, component: "training_job", model_id: "meta-llama/Llama-3.1-8B-Instruct", engine: "pytorch", engine_image: null,
    instance: { provider: "azure", instance_type: "Standard_NC24ads_A100_v4", region: "eastus" }, gpus_per_replica: 1, replicas: 1,
    tensor_parallel_size: null, max_model_len: null, performance: undefined, job,
  }],
  estimated_monthly_cost_usd: onDemand * HOURS_PER_MONTH,
  estimated_monthly_cost_spot_usd: spotPrice * HOURS_PER_MONTH,
  fits_budget: true,
  budget_basis: "run",
  warnings: [],
  warning_details: [],
};

const jobResponse: ChatResponse = {
  ...planResponse,
  content: "Fine-tune Llama 3.1 8B with LoRA on one A100 80GB.",
  spec: { task: "fine_tuning", modality: "llm", model: { name: "Llama 3.1 8B Instruct", hf_id: "meta-llama/Llama-3.1-8B-Instruct", params_b: 8.03 }, budget_per_run_usd: 100 },
  plan: jobPlan,
};

async function showPlan(page: Page, response: ChatResponse) {
  await mockHealth(page);
  await mockStream(page, [streamBody(response, { newConversation: true })]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.getByTestId("composer").fill("show me the plan");
  await page.getByTestId("composer").press("Enter");
  await expect(page.getByTestId("plan")).toBeVisible();
}

test.describe("performance, job and spot prices (mocked backend)", () => {
  test("a served LLM: the Performance card's numbers, the missed target and the binding constraint", async ({ page }) => {
    await showPlan(page, { ...planResponse, plan: llmPlan });
    const card = page.getByTestId("plan-performance");
    await expect(card).toBeVisible();
    await expect(card.getByTestId("plan-perf-decode")).toContainText(`${formatRate(performance.decode_tokens_per_s_per_sequence)} tokens/s`);
    await expect(card.getByTestId("plan-perf-aggregate")).toContainText(`${formatRate(aggregate)} tokens/s`);
    await expect(card.getByTestId("plan-perf-ttft")).toContainText(formatMs(performance.ttft_ms));
    await expect(card.getByTestId("plan-perf-replicas")).toContainText(String(replicas));
    await expect(card.getByTestId("plan-perf-cost")).toContainText(formatUsdSmall(performance.cost_per_million_output_tokens_usd));
    await expect(card.getByTestId("plan-perf-cost")).not.toContainText("at spot");
    await expect(card.getByTestId("plan-perf-binding")).toContainText("Speed per user decides");
    await expect(card.getByTestId("plan-performance-miss")).toContainText("Misses the speed target");
    // assumptions are collapsed until opened
    const first = card.getByTestId("plan-perf-assumptions").locator("li").first();
    await expect(first).toBeHidden();
    await card.getByTestId("plan-perf-assumptions").locator("summary").click();
    await expect(first).toHaveText(performance.assumptions[0]);
    // no job card; the toggle is offered (some rows have spot prices) and is off for an on-demand budget
    await expect(page.getByTestId("plan-job")).toHaveCount(0);
    await expect(page.getByTestId("spot-toggle")).toHaveAttribute("aria-checked", "false");
    await expect(page.getByTestId("plan-compute-row").first()).toContainText("gpu_4x_a6000");
    await card.screenshot({ path: "test-results/ui-performance.png" });
  });

  test("a fine-tune: the Job card leads with the run cost; the spot toggle swaps prices and re-orders rows", async ({ page }) => {
    await showPlan(page, jobResponse);
    const card = page.getByTestId("plan-job");
    await expect(card).toBeVisible();
    // the run's cost and duration lead the card, and the card sits above the compute table
    const lead = card.getByTestId("plan-job-lead");
    await expect(lead.getByTestId("plan-job-cost")).toHaveText(formatMonthly(job.run_cost_usd));
    await expect(lead.getByTestId("plan-job-duration")).toHaveText(formatDuration(job.wall_clock_hours));
    const leadBox = await lead.boundingBox();
    const gpuHoursBox = await card.getByTestId("plan-job-gpu-hours").boundingBox();
    const computeBox = await page.getByTestId("plan-compute").boundingBox();
    expect(leadBox && gpuHoursBox && computeBox).toBeTruthy();
    expect(leadBox!.y).toBeLessThan(gpuHoursBox!.y);
    expect(leadBox!.y).toBeLessThan(computeBox!.y);
    await expect(card.getByTestId("plan-job-gpu-hours")).toContainText(formatGpuHours(job.gpu_hours));
    await expect(card.getByTestId("plan-job-tokens")).toContainText(`${formatTokens(tokens)} tokens`);
    await expect(card.getByTestId("plan-job-flops")).toContainText(`${formatScientific(totalFlops)} FLOPs`);
    await expect(card.getByTestId("plan-job-mfu")).toContainText(formatFraction(mfu));
    await expect(card.getByTestId("plan-job-other-cost")).toContainText(formatMonthly(job.run_cost_spot_usd));
    // the headline reads the run cost first, then $/month
    const estimate = page.getByTestId("plan-estimate");
    await expect(estimate).toContainText(`${formatMonthly(job.run_cost_usd)} for the run`);
    await expect(estimate.getByTestId("plan-estimate-monthly")).toHaveText(`${formatMonthly(onDemand * HOURS_PER_MONTH)}/mo`);

    // on demand: the plan's order
    const rows = page.getByTestId("plan-compute-row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText("Standard_NC24ads_A100_v4");
    await expect(rows.nth(0).getByTestId("plan-compute-hourly")).toHaveText(formatHourly(onDemand));

    // spot, switched with the keyboard
    const toggle = page.getByTestId("spot-toggle");
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await expect(page.getByTestId("spot-toggle-bar")).toContainText("Spot instances can be reclaimed at short notice; checkpoint long jobs");
    await toggle.focus();
    await page.keyboard.press("Space");
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await expect(rows.nth(0)).toContainText("a2-ultragpu-1g");
    await expect(rows.nth(0).getByTestId("plan-compute-hourly")).toHaveText(formatHourly(1.012));
    await expect(rows.nth(0).getByTestId("plan-compute-monthly")).toHaveText(formatMonthly(1.012 * HOURS_PER_MONTH));
    await expect(rows.nth(1)).toContainText("Standard_NC24ads_A100_v4");
    await expect(rows.nth(1).getByTestId("plan-compute-monthly")).toHaveText(formatMonthly(spotPrice * HOURS_PER_MONTH));
    await expect(rows.nth(2)).toContainText("p5.4xlarge");
    await expect(rows.nth(2).getByTestId("plan-compute-monthly")).toHaveText("no spot");
    // the recommendation stays the plan's instance; the headline and the Job card switch to spot
    await expect(rows.nth(1)).toHaveAttribute("data-recommended", "true");
    await expect(estimate).toContainText(`${formatMonthly(job.run_cost_spot_usd)} for the run`);
    await expect(estimate.getByTestId("plan-estimate-monthly")).toHaveText(`${formatMonthly(spotPrice * HOURS_PER_MONTH)}/mo at spot`);
    await expect(card.getByTestId("plan-job-cost")).toHaveText(formatMonthly(job.run_cost_spot_usd));

    // and back
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await expect(rows.nth(0)).toContainText("Standard_NC24ads_A100_v4");
    await expect(rows.nth(2).getByTestId("plan-compute-monthly")).toHaveText(formatMonthly(6.88 * HOURS_PER_MONTH));
    await page.getByTestId("message-assistant").screenshot({ path: "test-results/ui-job-plan.png" });
  });
});
