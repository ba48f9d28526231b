/**
 * Against the budget (issue 13): what the plan costs per month on demand and at spot prices, and
 * whether it fits — on the monthly cost (spot prices when the user allowed spot), or on the whole
 * run's cost when a training job has a per-run budget. One function for the plan and its summary.
 */
import type { Deployment, InstanceOption, Job, StackNode } from "@/lib/schemas/plan";
import { budgetCoversStack } from "@/lib/schemas/stack-budget";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";

export type BudgetBasis = "on_demand" | "spot" | "run" | "run_spot";

export interface Verdict {
  /** One compute[0] instance on demand (several instances are a node pool: stackMonthly). */
  monthly: number | null;
  /** The same at spot prices (on demand where a part has no spot offer); null when nothing has one. */
  monthlySpot: number | null;
  /** The whole stack on demand (nodes), when the plan has one. */
  stackMonthly: number | null;
  fits: boolean | null;
  basis?: BudgetBasis;
  /** The cost fits was decided on (per month, or per run). */
  cost: number | null;
}

const cents = (n: number) => Math.round(n * 100) / 100;
const count = (x: InstanceOption) => x.instance_count ?? 1;

/** Monthly cost of instances, at spot where offered (null when no instance has a spot offer). */
function spotMonthly(items: { instance: InstanceOption; n: number }[]): number | null {
  if (!items.some(({ instance }) => instance.spot_price_per_hour_usd !== null && instance.spot_price_per_hour_usd > 0)) return null;
  const hourly = items.reduce((a, { instance, n }) => {
    const spot = instance.spot_price_per_hour_usd;
    return a + (spot !== null && spot > 0 ? Math.min(spot, instance.price_per_hour_usd) : instance.price_per_hour_usd) * n;
  }, 0);
  return cents(hourly * HOURS_PER_MONTH);
}

export function budgetVerdict(spec: WorkloadSpec, top: InstanceOption | undefined, nodes: StackNode[], deployments: Deployment[], job: Job | null | undefined): Verdict {
  const monthly = top ? top.monthly_cost_usd : null;
  const stackMonthly = nodes.length ? cents(nodes.reduce((a, n) => a + n.monthly_cost_usd, 0)) : null;
  const whole = budgetCoversStack({ deployments, nodes }) && stackMonthly !== null;
  const monthlySpot = whole ? spotMonthly(nodes.map((n) => ({ instance: n.instance, n: n.count }))) : top ? spotMonthly([{ instance: top, n: count(top) }]) : null;
  // A training job with a budget for the whole run is judged on the run.
  if (spec.budget_per_run_usd !== undefined && job) {
    const spot = !!spec.spot_ok && job.run_cost_spot_usd !== null;
    const cost = spot ? job.run_cost_spot_usd! : job.run_cost_usd;
    return { monthly, monthlySpot, stackMonthly, fits: cost <= spec.budget_per_run_usd, basis: spot ? "run_spot" : "run", cost };
  }
  const budget = spec.budget_monthly_usd;
  const onDemand = whole ? stackMonthly : monthly;
  const spot = !!spec.spot_ok && monthlySpot !== null;
  const cost = spot ? monthlySpot : onDemand;
  if (budget === undefined || cost === null) return { monthly, monthlySpot, stackMonthly, fits: null, cost };
  return { monthly, monthlySpot, stackMonthly, fits: cost <= budget, basis: spot ? "spot" : "on_demand", cost };
}
