/**
 * The data dates of the catalog rows a plan shows, and the stale-price warning built from them.
 * Every catalog row records the snapshot it came from (`data_as_of`): AWS/GCP GPU families come
 * from the current v8 files, their CPU types and Azure from mid-2024 or older v5 files.
 */
import type { InstanceOption } from "@/lib/schemas/plan";

/** Rows whose ISO data date is before this are called stale ("over a year old" at the 2026 catalog). */
export const STALE_BEFORE = "2025-01-01";

export interface PriceDataDate {
  provider: string;
  dataAsOf: string;
  /** Instance types of the rows with this provider and date, in the order the plan shows them. */
  instanceTypes: string[];
}

type DatedRow = Pick<InstanceOption, "provider" | "instance_type" | "data_as_of">;

/** Distinct (provider, data date) pairs of the given rows, in first-seen order. */
export function priceDataDates(rows: readonly DatedRow[]): PriceDataDate[] {
  const out = new Map<string, PriceDataDate>();
  for (const r of rows) {
    if (!r.data_as_of) continue;
    const key = `${r.provider}\u0000${r.data_as_of}`;
    const d = out.get(key) ?? { provider: r.provider, dataAsOf: r.data_as_of, instanceTypes: [] };
    if (!d.instanceTypes.includes(r.instance_type)) d.instanceTypes.push(r.instance_type);
    out.set(key, d);
  }
  return [...out.values()];
}

/** A data date that starts with an ISO date before STALE_BEFORE (undated year ranges are not). */
export function isStaleDate(dataAsOf: string): boolean {
  const iso = /^\d{4}-\d{2}-\d{2}/.exec(dataAsOf);
  return !!iso && iso[0] < STALE_BEFORE;
}

const MAX_TYPES = 3;

/** "Stale prices: aws m5.large, c5.xlarge (2024-06-13), azure … (2023-12-08) …", or null when none. */
export function stalePriceWarning(rows: readonly DatedRow[]): string | null {
  const stale = priceDataDates(rows).filter((d) => isStaleDate(d.dataAsOf));
  if (!stale.length) return null;
  const named = stale.map((d) => {
    const types = d.instanceTypes.slice(0, MAX_TYPES).join(", ") + (d.instanceTypes.length > MAX_TYPES ? ", …" : "");
    return `${d.provider} ${types} (${d.dataAsOf})`;
  });
  return `Stale prices: ${named.join("; ")} come from catalog snapshots over a year old; check the provider's current price before you commit.`;
}
