/**
 * Spot capacity in the plan ("spot is fine"): the spot search's rows shown with their on-demand
 * price (compute[] always lists on-demand prices in price_per_hour_usd; spot_price_per_hour_usd
 * beside it), merged with the on-demand search, and ranked by the price the user would pay.
 */
import type { InstanceOption } from "@/lib/schemas/plan";
import { monthlyCost } from "@/lib/search/compute-ranking";
import type { FittedInstance } from "./types";

/**
 * A spot search's row with on-demand semantics: price_per_hour_usd and monthly_cost_usd on
 * demand. Null for a type sold as spot only (it has no on-demand price to show).
 */
export function onDemandView(row: InstanceOption): InstanceOption | null {
  if (row.on_demand_price_per_hour_usd === undefined) return row;
  const od = row.on_demand_price_per_hour_usd;
  if (od === null || !(od > 0)) return null;
  const { on_demand_price_per_hour_usd: _od, ...rest } = row;
  return { ...rest, price_per_hour_usd: od, monthly_cost_usd: monthlyCost(od) };
}

/** The hourly price the user pays for one instance: spot when allowed and offered, else on demand. */
export function payingHourly(row: InstanceOption, spotOk: boolean): number {
  const spot = row.spot_price_per_hour_usd;
  return spotOk && spot !== null && spot > 0 && spot < row.price_per_hour_usd ? spot : row.price_per_hour_usd;
}

const key = (x: FittedInstance) => `${x.instance.provider}|${x.instance.instance_type}|${x.instance.region}`;

/**
 * The on-demand search's rows and the spot search's (already in on-demand view), each instance type
 * once, ranked by what the user pays (spot where offered) — ties keep the on-demand search's order.
 */
export function mergeSpotRows(onDemand: FittedInstance[], spot: FittedInstance[]): FittedInstance[] {
  const seen = new Set<string>();
  const all: FittedInstance[] = [];
  for (const x of [...onDemand, ...spot]) {
    if (seen.has(key(x))) continue;
    seen.add(key(x));
    all.push(x);
  }
  return all
    .map((x, i) => ({ x, i, p: payingHourly(x.instance, true) }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((y) => y.x);
}
