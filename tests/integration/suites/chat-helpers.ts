import { afterAll, beforeAll, expect } from "vitest";
import type { DbHandle } from "@/db/client";
import { useDbForRoutes } from "../api-client";
import { chatResponseSchema, type ChatResponse } from "@/lib/schemas/chat";
import type { DeploymentPlan, InstanceOption } from "@/lib/schemas/plan";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";
import { resetConfigForTests } from "@/lib/config";
import { usableGpuMemoryGb } from "@/lib/sizing";
import { logicalGpuCount } from "@/lib/gpu/slices";
import { expectValidFiles } from "./artifact-checks";

/**
 * The chat suites run the OFFLINE engine (no model provider) and no background embedding job,
 * whatever the environment says; the previous settings are restored afterwards.
 */
export function offlineEnv() {
  return envOverride({ OPENAI_API_KEY: undefined, EMBEDDINGS: "none" });
}

/** Set (or, with undefined, unset) settings for a suite; `restore` puts the previous values back. */
export function envOverride(keys: Record<string, string | undefined>) {
  const saved: Record<string, string | undefined> = {};
  return {
    apply() {
      for (const [k, v] of Object.entries(keys)) {
        saved[k] = process.env[k];
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetConfigForTests();
    },
    restore() {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetConfigForTests();
    },
  };
}

/** For a describe block: the routes use this database and the offline engine, restored afterwards. */
export function useOfflineRoutes(h: () => DbHandle): void {
  const env = offlineEnv();
  beforeAll(() => {
    env.apply();
    useDbForRoutes(h());
  });
  afterAll(() => env.restore());
}

export function expectValidResponse(r: ChatResponse) {
  const parsed = chatResponseSchema.safeParse(r);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

const perGpu = (c: InstanceOption) => c.gpu_memory_gb_per_gpu ?? c.gpu_memory_gb / c.gpu_count;

/** Whether the user pinned the GPUs (then the sizing does not drive the search). */
export const pinnedGpus = (r: ChatResponse) => !!(r.spec.gpu?.count || r.spec.gpu?.model || r.spec.gpu?.memory_gb_per_gpu);

/**
 * What every plan must satisfy, whatever was asked: contract shape, prices consistent
 * (monthly = hourly × 730), ranked cheapest first, distinct types, the estimate is compute[0]'s,
 * fits_budget agrees with the budget, the sizing adds up, and — unless the plan says the pinned
 * GPUs cannot hold it — every option holds the sized memory in its usable memory (per GPU when it does not shard).
 */
export function expectPlanInvariants(r: ChatResponse): DeploymentPlan {
  expectValidResponse(r);
  expect(r.type).toBe("plan");
  expect(r.clarification).toBeNull();
  const plan = r.plan!;
  expect(plan).not.toBeNull();
  expect(r.content).toContain(plan.summary);

  // Sizing: a formula, and the breakdown adds up to the total (each part rounded to 0.1 GB). A plan
  // with no GPU (platforms, CPU serving) needs 0 GB and says what the CPUs must hold instead.
  const s = plan.sizing;
  const noGpu = s.memory_gb_required === 0;
  if (noGpu) {
    expect(Object.keys(s.breakdown)).toEqual([]);
    expect(s.formula).toMatch(/vCPU|CPU|GPU/);
  } else {
    expect(s.memory_gb_required).toBeGreaterThan(0);
    expect(s.formula).toMatch(/GB/);
  }
  const parts = Object.values(s.breakdown);
  expect(Math.abs(parts.reduce((a, b) => a + b, 0) - s.memory_gb_required)).toBeLessThanOrEqual(0.05 * parts.length + 0.1);

  // Compute: distinct, ranked by the price paid (spot where allowed and offered; × the instances
  // needed, when several), monthly = hourly × 730 on demand, at most 10. A served LLM ranks the
  // rows that meet its speed target first (checked by the architect's unit tests), so only its
  // rows are not checked for order here.
  const c = plan.compute;
  expect(c.length).toBeLessThanOrEqual(10);
  const keys = c.map((x) => `${x.provider}/${x.instance_type}/${x.region}`);
  expect(new Set(keys).size).toBe(keys.length);
  const paying = (x: InstanceOption) =>
    r.spec.spot_ok && x.spot_price_per_hour_usd !== null && x.spot_price_per_hour_usd > 0 ? Math.min(x.spot_price_per_hour_usd, x.price_per_hour_usd) : x.price_per_hour_usd;
  const poolPrice = (x: InstanceOption) => paying(x) * (x.instance_count ?? 1);
  if (!plan.deployments?.[0]?.performance) for (let i = 1; i < c.length; i++) expect(poolPrice(c[i]) + 1e-9).toBeGreaterThanOrEqual(poolPrice(c[i - 1]));
  for (const x of c) {
    expect(x.monthly_cost_usd).toBeCloseTo(x.price_per_hour_usd * HOURS_PER_MONTH, 1);
    if (noGpu) expect(x.gpu_count).toBe(0);
    else {
      expect(x.gpu_count).toBeGreaterThan(0);
      expect(x.gpu_model).not.toBeNull();
    }
  }
  expect(plan.estimated_monthly_cost_usd).toBe(c.length ? c[0].monthly_cost_usd : null);
  // Spot: the same configuration at spot prices, never above on demand.
  if (plan.estimated_monthly_cost_spot_usd != null) expect(plan.estimated_monthly_cost_spot_usd).toBeLessThanOrEqual((plan.estimated_stack_monthly_cost_usd ?? plan.estimated_monthly_cost_usd ?? 0) + 0.01);
  // The whole stack: the sum of its node pools; the budget verdict is on it when there is more than one part or node.
  const nodes = plan.nodes ?? [];
  if (plan.nodes) {
    for (const n of nodes) expect(n.monthly_cost_usd).toBeCloseTo(n.instance.monthly_cost_usd * n.count, 1);
    expect(plan.estimated_stack_monthly_cost_usd).toBeCloseTo(nodes.reduce((a, n) => a + n.monthly_cost_usd, 0), 1);
  }
  const stacked = (plan.deployments?.length ?? 0) > 1 || nodes.length > 1 || (nodes[0]?.count ?? 1) > 1;
  const onDemand = stacked && nodes.length ? plan.estimated_stack_monthly_cost_usd! : plan.estimated_monthly_cost_usd;
  const job = plan.deployments?.[0]?.job;
  const budget = r.spec.budget_monthly_usd;
  if (r.spec.budget_per_run_usd !== undefined && job) {
    // A per-run budget judges the whole run (spot when allowed).
    const run = plan.budget_basis === "run_spot" ? job.run_cost_spot_usd! : job.run_cost_usd;
    expect(["run", "run_spot"]).toContain(plan.budget_basis);
    expect(plan.fits_budget).toBe(run <= r.spec.budget_per_run_usd);
  } else if (budget === undefined || onDemand === null) expect(plan.fits_budget).toBeNull();
  else {
    // At spot prices when the user allowed spot (never more than on demand).
    const verdictCost = plan.budget_basis === "spot" ? plan.estimated_monthly_cost_spot_usd! : onDemand;
    expect(plan.budget_basis === "spot" ? !!r.spec.spot_ok : true).toBe(true);
    expect(plan.fits_budget).toBe(verdictCost <= budget);
  }
  if (plan.fits_budget === true && !stacked && plan.budget_basis === "on_demand") for (const x of c) expect(x.monthly_cost_usd * (x.instance_count ?? 1)).toBeLessThanOrEqual(budget! + 0.01);

  // Every option shown holds the sized memory in its usable GPU memory (N GiB × 0.9 − CUDA context per
  // GPU), per GPU when it does not shard — unless the pinned hardware cannot, which the plan says (fits: false).
  if (plan.deployments?.[0]?.fits !== false && !noGpu) {
    const shards = !r.spec.modality || r.spec.modality === "llm" || r.spec.modality === "multimodal";
    for (const x of c) {
      expect(usableGpuMemoryGb(perGpu(x)) * logicalGpuCount(x.gpu_count) + 0.1).toBeGreaterThanOrEqual(s.memory_gb_required);
      if (!shards) expect(usableGpuMemoryGb(perGpu(x)) + 0.1).toBeGreaterThanOrEqual(s.memory_gb_required);
    }
  }
  // Provider wishes never leak.
  if (r.spec.providers?.length) for (const x of c) expect(r.spec.providers).toContain(x.provider);

  expect(plan.models.length).toBeLessThanOrEqual(5);
  expect(plan.packages.length).toBeLessThanOrEqual(15);
  const pk = plan.packages.map((p) => `${p.repository}/${p.name}`);
  expect(new Set(pk).size).toBe(pk.length);
  for (const p of plan.packages) expect(p.install_command).toMatch(/^(helm |git clone )/);
  if (c.length) expect(plan.steps.some((x) => x.includes(c[0].instance_type))).toBe(true);
  expectValidFiles(plan);
  return plan;
}

export function expectClarification(r: ChatResponse) {
  expectValidResponse(r);
  expect(r.type).toBe("clarification");
  expect(r.plan).toBeNull();
  const qs = r.clarification!.questions;
  expect(qs.length).toBeGreaterThanOrEqual(1);
  expect(qs.length).toBeLessThanOrEqual(3);
  for (const q of qs) {
    expect(q.question.trim()).not.toBe("");
    expect(q.options.length).toBeGreaterThan(0);
  }
  for (const q of qs) expect(r.content).toContain(q.question);
  return qs;
}

export { perGpu };
