/**
 * Collapse offers to one per (instance type, region): zones become a list,
 * on-demand price = min across zones (identical in practice), spot = min across
 * zones. Specs (vCPUs, RAM, GPUs) come from the first offer of the group.
 */
import type { Offer } from "./offers";
import { minPrice } from "./prices";

export interface CollapsedOffer extends Omit<Offer, "zone"> {
  zones: string[];
}

export function collapseByRegion(offers: Offer[]): CollapsedOffer[] {
  const groups = new Map<string, Offer[]>();
  for (const o of offers) {
    const key = `${o.instanceType}\u0000${o.region}`;
    const g = groups.get(key);
    if (g) g.push(o);
    else groups.set(key, [o]);
  }
  return [...groups.values()].map((g) => {
    const { zone: _zone, ...first } = g[0];
    const zones = [...new Set(g.map((o) => o.zone).filter((z): z is string => z !== null))].sort();
    return {
      ...first,
      gpuInfo: g.find((o) => o.gpuInfo !== null)?.gpuInfo ?? null,
      zones,
      price: minPrice(g.map((o) => o.price)),
      spotPrice: minPrice(g.map((o) => o.spotPrice)),
    };
  });
}
