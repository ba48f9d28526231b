import { gpuCountLabel } from "@/lib/gpu/slices";
import type { GroundingFacts } from "@/lib/ai/grounding";
import type { SummaryGround } from "@/lib/ai/summary-check";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";
import { chosenCompute, chosenPackages } from "./architect/plan";
import { buildDeployments } from "./architect/deployments";
import type { ArchitectFacts } from "./architect/types";

/** The compact, number-bearing facts the LLM writer may use (and nothing else). */
export function writerFacts(f: ArchitectFacts) {
  const top = chosenCompute(f).slice(0, 3);
  return {
    workload: f.spec,
    memory_gb_required: f.sizing.memory_gb_required,
    breakdown_gb: f.sizing.breakdown,
    budget_monthly_usd: f.spec.budget_monthly_usd ?? null,
    hours_per_month: HOURS_PER_MONTH,
    instances: top.map((r) => ({
      provider: r.provider, instance_type: r.instance_type, region: r.region, gpus: gpuCountLabel(r.gpu_count, r.gpu_model),
      gpu_count: r.gpu_count, gpu_model: r.gpu_model,
      gpu_memory_gb: r.gpu_memory_gb, price_per_hour_usd: r.price_per_hour_usd, monthly_cost_usd: r.monthly_cost_usd,
    })),
    fits_budget: f.spec.budget_monthly_usd === undefined || !top[0] ? null : top[0].monthly_cost_usd <= f.spec.budget_monthly_usd,
    models: f.models.results.slice(0, 3).map((m) => m.id),
    fits: f.fits,
    charts: chosenPackages(f).map((p) => p.name),
    deployment: buildDeployments(f)[0] ?? null,
    local_cluster: { connected: f.local.connected, fits: f.local.fits ?? null },
  };
}

type WriterData = ReturnType<typeof writerFacts>;

const nums = (xs: (number | null | undefined)[]) => xs.filter((x): x is number => typeof x === "number" && Number.isFinite(x));

/**
 * What the summary is checked against, from the same data the writer was given: each figure by
 * its kind, the names whose digits are not figures, and the chosen instance and model it must name.
 */
export function summaryGround(d: WriterData, chosen: { instance: string | null; model: string | null }): SummaryGround {
  const w = d.workload;
  const facts: GroundingFacts = {
    usd_hour: nums(d.instances.map((i) => i.price_per_hour_usd)),
    usd_month: nums([...d.instances.map((i) => i.monthly_cost_usd), d.budget_monthly_usd]),
    gb: nums([
      d.memory_gb_required, ...Object.values(d.breakdown_gb), ...d.instances.map((i) => i.gpu_memory_gb),
      ...d.instances.map((i) => i.gpu_memory_gb / (i.gpu_count >= 1 ? i.gpu_count : 1)), w.gpu?.memory_gb_per_gpu,
      d.deployment?.memory_per_gpu_gb?.needed, d.deployment?.memory_per_gpu_gb?.usable,
    ]),
    count: nums([
      ...d.instances.map((i) => i.gpu_count), w.gpu?.count,
      d.deployment?.gpus_per_replica, d.deployment?.replicas, d.deployment?.tensor_parallel_size, d.deployment?.pipeline_parallel_size,
    ]),
    params_b: nums([w.model?.params_b]),
    number: nums([d.hours_per_month, w.context_length, w.concurrency, d.deployment?.max_model_len]),
  };
  const names = [
    ...d.instances.flatMap((i) => [i.instance_type, i.provider, i.region, i.gpu_model ?? ""]),
    d.deployment?.model_id, d.deployment?.engine_image,
    ...d.models.flatMap((m) => [m, m.split("/").pop()!]),
    ...d.charts,
    w.model?.name, w.model?.hf_id, w.gpu?.model, w.workload,
  ].filter((x): x is string => !!x);
  return { facts, names, ...chosen };
}
