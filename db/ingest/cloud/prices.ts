/** Price helpers: empty / zero / garbage = not offered; 6-decimal rounding removes float noise. */

/** Round to 6 decimals (5.8854999999999995 -> 5.8855, 0.36979999999999996 -> 0.3698). */
export function roundPrice(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Parse a Price/SpotPrice cell. Empty, non-numeric, 0 (vast `0.00`, azure `0.0`) -> null. */
export function parsePrice(cell: string | undefined): number | null {
  const t = (cell ?? "").trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? roundPrice(n) : null;
}

/** Sum of two prices, null when either side is missing (GCP host + GPU). */
export function addPrices(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : roundPrice(a + b);
}

/** Minimum of the non-null prices, null when none. */
export function minPrice(values: Array<number | null>): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && (best === null || v < best)) best = v;
  return best;
}
