/**
 * The spot/on-demand price swap of the plan view: which price each compute row shows, the order
 * the rows are shown in, and the headline cost. Pure: it only re-reads the prices the plan already
 * holds (it never fetches). Imported in the browser, so types only from lib/schemas.
 */
import type { DeploymentPlan, InstanceOption } from "@/lib/schemas/plan";

/**
 * Hours in a month, the plan schema's own rule: `monthly_cost_usd` is "hourly price x 730"
 * (lib/schemas/plan.ts); 730 = 8,760 hours in a 365-day year / 12.
 */
export const HOURS_PER_MONTH = 730;

export type PriceBasis = "on_demand" | "spot";

export interface ShownComputeRow {
  option: InstanceOption;
  /** Position in plan.compute (0 = the plan's recommendation, what deployments[0] runs on). */
  rank: number;
  /** Price of one instance per hour at the shown basis; null when the row has no spot price. */
  hourly: number | null;
  /** The whole row per month (× instance_count when several are needed); null when no spot price. */
  monthly: number | null;
}

/** A usable price: a finite number ≥ 0 (anything else is treated as "no price"). */
export function isPrice(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n) && n >= 0;
}

function count(o: InstanceOption): number {
  const n = o.instance_count;
  return typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : 1;
}

/** True when at least one row has a spot price (the toggle is shown only then). */
export function hasSpotPrices(compute: readonly InstanceOption[]): boolean {
  return compute.some((o) => isPrice(o.spot_price_per_hour_usd));
}

/** Spot is on by default when the budget verdict was made at spot prices. */
export function spotByDefault(basis: DeploymentPlan["budget_basis"]): boolean {
  return basis === "spot" || basis === "run_spot";
}

/** One row's prices at a basis: $/h of one instance, and $/month of all the instances it needs. */
export function rowPrices(o: InstanceOption, basis: PriceBasis): { hourly: number | null; monthly: number | null } {
  if (basis === "spot") {
    const spot = o.spot_price_per_hour_usd;
    return isPrice(spot) ? { hourly: spot, monthly: spot * HOURS_PER_MONTH * count(o) } : { hourly: null, monthly: null };
  }
  const hourly = isPrice(o.price_per_hour_usd) ? o.price_per_hour_usd : null;
  const perInstance = isPrice(o.monthly_cost_usd) ? o.monthly_cost_usd : hourly != null ? hourly * HOURS_PER_MONTH : null;
  return { hourly, monthly: perInstance == null ? null : perInstance * count(o) };
}

/**
 * The compute rows as shown. On demand: the plan's own order (its ranking). Spot: cheapest spot
 * $/month first; rows without a spot price last; equal prices keep the plan's order.
 */
export function shownComputeRows(compute: readonly InstanceOption[], basis: PriceBasis): ShownComputeRow[] {
  const rows = compute.map((option, rank) => ({ option, rank, ...rowPrices(option, basis) }));
  if (basis === "on_demand") return rows;
  return rows.sort((a, b) => {
    if (a.monthly == null || b.monthly == null) {
      if (a.monthly == null && b.monthly == null) return a.rank - b.rank;
      return a.monthly == null ? 1 : -1;
    }
    return a.monthly - b.monthly || a.rank - b.rank;
  });
}

export interface ShownCost {
  /** The monthly estimate shown, or null when the plan has none. */
  monthly: number | null;
  /** The basis of `monthly` (on demand when spot is asked for but the plan has no spot figure). */
  basis: PriceBasis;
  /** True when spot was asked for but the plan has no spot estimate. */
  spotMissing: boolean;
  /** The budget verdict for the shown figure. */
  fits: boolean | null;
  /** The whole run's cost for a training / fine-tuning plan (first deployment with a job), else null. */
  run: number | null;
  runBasis: PriceBasis;
}

type CostPlan = Pick<
  DeploymentPlan,
  "estimated_monthly_cost_usd" | "estimated_monthly_cost_spot_usd" | "estimated_stack_monthly_cost_usd" | "fits_budget" | "budget_basis" | "deployments"
>;

/**
 * The headline cost at the shown basis. `onDemandMonthly` is the on-demand figure the view already
 * uses (the whole stack's cost when the verdict covers the stack). The budget verdict is the plan's
 * own when it was made on the shown basis (or on a per-run budget); when the user switched basis,
 * it is the shown monthly figure against the monthly budget, when both are known.
 */
export function shownCost(plan: CostPlan, spot: boolean, onDemandMonthly: number | null, budgetMonthly?: number): ShownCost {
  const spotMonthly = isPrice(plan.estimated_monthly_cost_spot_usd) ? plan.estimated_monthly_cost_spot_usd : null;
  const useSpot = spot && spotMonthly != null;
  const monthly = useSpot ? spotMonthly : isPrice(onDemandMonthly) ? onDemandMonthly : null;
  const basis: PriceBasis = useSpot ? "spot" : "on_demand";

  const job = plan.deployments?.find((d) => d.job)?.job;
  const runSpot = job && spot && isPrice(job.run_cost_spot_usd) ? job.run_cost_spot_usd : null;
  const run = runSpot ?? (job && isPrice(job.run_cost_usd) ? job.run_cost_usd : null);

  const verdictBasis = plan.budget_basis ?? "on_demand";
  const perRun = verdictBasis === "run" || verdictBasis === "run_spot";
  const sameBasis = perRun || (verdictBasis === "spot") === useSpot;
  const fits =
    sameBasis || monthly == null || !isPrice(budgetMonthly) ? plan.fits_budget : monthly <= budgetMonthly;
  return { monthly, basis, spotMissing: spot && spotMonthly == null, fits, run, runBasis: runSpot != null ? "spot" : "on_demand" };
}
