import { expect } from "vitest";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { resolveArchitecture } from "@/lib/sizing";
import { WEIGHT_BYTES } from "@/lib/sizing/types";

const SEVERITY = { blocker: 0, warning: 1, info: 2 } as const;
const LICENCE_CODES = new Set(["license_terms", "gated_model", "non_commercial_license"]);

/**
 * Every part of a plan agrees with plan.deployments[0] (issue 9): the instance is compute[0], the
 * checkpoint is models[0] and is what was sized, the parallelism is valid, the per-GPU need is
 * within the usable memory unless `fits` is false (and then the headline says so), the steps name
 * only chosen things, fits_budget agrees with the cost shown, and the warnings are consistent.
 */
export function expectCoherentPlan(plan: DeploymentPlan, spec: WorkloadSpec): void {
  const deps = plan.deployments!;
  expect(deps?.length, "deployments").toBeGreaterThan(0);
  const d = deps[0];
  const top = plan.compute[0];

  // Instance: deployments[0].instance is compute[0].
  if (top) expect(d.instance).toEqual({ provider: top.provider, instance_type: top.instance_type, region: top.region });
  else expect(d.instance).toBeNull();

  // Checkpoint: models[0] is the deployed repo.
  if (d.model_id && plan.models.length) expect(plan.models[0].id).toBe(d.model_id);

  // Parallelism: TP × PP ≤ gpus_per_replica ≤ the instance's GPUs; TP divides both GPUs and heads.
  if (top) expect(d.gpus_per_replica * (d.tensor_parallel_size ? 1 : 0)).toBeLessThanOrEqual(top.gpu_count);
  if (d.tensor_parallel_size !== null) {
    const tp = d.tensor_parallel_size;
    const pp = d.pipeline_parallel_size ?? 1;
    expect(tp * pp).toBeLessThanOrEqual(d.gpus_per_replica);
    expect(d.gpus_per_replica).toBeLessThanOrEqual(top?.gpu_count ?? 0);
    expect((top?.gpu_count ?? 0) % tp).toBe(0);
    const arch = d.model_id ? resolveArchitecture({ task: "inference", hfId: d.model_id }) : null;
    if (arch) expect(arch.heads % tp, `${d.model_id} heads ${arch.heads} / TP ${tp}`).toBe(0);
    // Several instances when the load needs them (compute[0].instance_count).
    expect(d.replicas * d.gpus_per_replica).toBeLessThanOrEqual((top?.gpu_count ?? 0) * (top?.instance_count ?? 1));
  }
  expect(Number.isInteger(d.gpus_per_replica) && d.gpus_per_replica >= 0).toBe(true);
  expect(Number.isInteger(d.replicas) && d.replicas >= 1).toBe(true);

  // Memory: need ≤ usable, or fits is false and the headline says so.
  if (d.memory_per_gpu_gb) {
    expect(Number.isFinite(d.memory_per_gpu_gb.needed) && Number.isFinite(d.memory_per_gpu_gb.usable)).toBe(true);
    if (d.fits) expect(d.memory_per_gpu_gb.needed).toBeLessThanOrEqual(d.memory_per_gpu_gb.usable);
    else expect(d.memory_per_gpu_gb.needed).toBeGreaterThan(d.memory_per_gpu_gb.usable);
  }
  const firstSentence = plan.summary.split(/(?<=[.!?])\s/)[0];
  if (!d.fits) expect(firstSentence).toMatch(/does not fit|No catalog instance/);
  else expect(plan.summary).not.toMatch(/does not fit/);

  // Sizing is for the precision the checkpoint has (formula sizings of LLMs show the weight bytes).
  if (d.precision && plan.sizing.source === "formula" && d.component === "llm" && !/×\s*[\d.]+ B \(/.test(plan.sizing.formula)) {
    expect(plan.sizing.formula).toContain(`× ${WEIGHT_BYTES[d.precision]} B`);
  }

  // Budget verdict agrees with the cost shown (the whole stack's when there is more than one part or node).
  const budget = spec.budget_monthly_usd;
  const nodes = plan.nodes ?? [];
  const stacked = deps.length > 1 || nodes.length > 1 || (nodes[0]?.count ?? 1) > 1;
  const onDemand = stacked && nodes.length ? plan.estimated_stack_monthly_cost_usd! : top?.monthly_cost_usd;
  // Spot prices when the user allowed spot and the plan says so (budget_basis).
  const cost = plan.budget_basis === "spot" ? (plan.estimated_monthly_cost_spot_usd ?? undefined) : onDemand;
  if (plan.budget_basis === "spot") expect(spec.spot_ok).toBe(true);
  const job = d.job;
  if (spec.budget_per_run_usd !== undefined && job) {
    // A per-run budget is judged on the whole run (at spot prices when the user allowed spot).
    const run = plan.budget_basis === "run_spot" ? job.run_cost_spot_usd! : job.run_cost_usd;
    expect(plan.budget_basis === "run_spot" ? !!spec.spot_ok : plan.budget_basis === "run").toBe(true);
    expect(plan.fits_budget).toBe(run <= spec.budget_per_run_usd);
  } else if (budget === undefined || cost === undefined) expect(plan.fits_budget).toBeNull();
  else expect(plan.fits_budget).toBe(cost <= budget);
  // Every deployment runs on one of the plan's node pools.
  for (const x of deps) if (x.node) expect(nodes.some((n) => n.id === x.node), `${x.component} on ${x.node}`).toBe(true);
  expect(plan.estimated_monthly_cost_usd).toBe(top ? top.monthly_cost_usd : null);

  // Steps name only chosen things: charts from plan.packages (or the optional GPU operator), no alternative model.
  for (const step of plan.steps) {
    for (const m of step.matchAll(/helm install \S+ (\S+)/g)) {
      const ref = m[1];
      const known = ref === "nvidia/gpu-operator" || plan.packages.some((p) => ref === `${p.repository}/${p.name}` || ref.endsWith(`/${p.name}`));
      expect(known, `${ref} in steps but not in packages`).toBe(true);
    }
    for (const alt of plan.models.slice(1)) if (alt.id !== d.model_id) expect(step.includes(`\`${alt.id}\``), `${alt.id} in a step`).toBe(false);
  }
  if (top) expect(plan.steps.some((s) => s.includes(top.instance_type))).toBe(true);
  // One serving stack.
  const stacks = plan.packages.filter((p) => /^(vllm-stack|vllm|ollama|kserve-resources|text-generation-inference)$/.test(p.name));
  expect(stacks.length).toBeLessThanOrEqual(1);

  // Warnings: details mirror the strings, most actionable first, licences only about deployed checkpoints.
  const details = plan.warning_details!;
  expect(details.map((w) => w.message)).toEqual(plan.warnings);
  for (let i = 1; i < details.length; i++) expect(SEVERITY[details[i].severity]).toBeGreaterThanOrEqual(SEVERITY[details[i - 1].severity]);
  const deployed = deps.map((x) => x.model_id).filter((x): x is string => !!x);
  for (const w of details.filter((x) => LICENCE_CODES.has(x.code))) expect(deployed.some((id) => w.message.startsWith(`${id} `)), w.message).toBe(true);
  if (d.fits) expect(details.some((w) => w.code === "does_not_fit")).toBe(false);
}
