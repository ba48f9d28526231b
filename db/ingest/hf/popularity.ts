import type { ModelRow } from "@/db/schema/hf";

/**
 * Date-aware popularity in [0,1].
 *
 * `downloads` are 30-day counts taken at different snapshots (2022-02, 2023-10,
 * 2025-04, 2026-05, 2026-08), so they are only comparable within a snapshot:
 * log1p(downloads) is divided by the maximum log1p(downloads) of the same
 * `downloads_as_of` cohort (floored, so a tiny cohort cannot inflate its rows).
 * `likes` are cumulative and roughly comparable, so log1p(likes) is normalised by
 * the global maximum. The two are blended with a likes weight that grows with the
 * age of the downloads snapshot, and the result is scaled by a freshness factor of
 * the snapshot year (old counts say less about what people use now).
 * Missing data is not zero: a row with only likes (e.g. Open LLM Leaderboard) is
 * scored on likes alone; a row with neither scores 0.
 */

export type PopularityInput = Pick<ModelRow, "downloads" | "downloadsAsOf" | "likes" | "likesAsOf">;

export interface PopularityContext {
  /** max log1p(downloads) per downloads_as_of cohort */
  downloadsLogMax: ReadonlyMap<string, number>;
  /** max log1p(likes) over all rows */
  likesLogMax: number;
}

/** Never normalise downloads by less than log1p(10k): tiny cohorts would saturate. */
export const DOWNLOADS_LOG_FLOOR = Math.log1p(10_000);
/** Never normalise likes by less than log1p(1k). */
export const LIKES_LOG_FLOOR = Math.log1p(1_000);

const UNKNOWN_COHORT = "";

function snapshotYear(asOf: string | null | undefined): number | null {
  const m = /^(\d{4})/.exec(asOf ?? "");
  return m ? Number(m[1]) : null;
}

/** How much a snapshot of that year still says about current usage. */
export function freshness(asOf: string | null | undefined): number {
  const y = snapshotYear(asOf);
  if (y === null) return 0.7;
  if (y >= 2026) return 1;
  if (y === 2025) return 0.9;
  if (y === 2024) return 0.85;
  if (y === 2023) return 0.8;
  return 0.7;
}

/** Weight of likes vs downloads, by downloads snapshot: older downloads → lean on likes. */
export function likesWeight(downloadsAsOf: string | null | undefined): number {
  const y = snapshotYear(downloadsAsOf);
  if (y === null || y <= 2022) return 0.6;
  if (y === 2023) return 0.5;
  if (y <= 2025) return 0.4;
  return 0.3;
}

const present = (n: number | null | undefined): n is number => typeof n === "number" && n >= 0;

/** First pass over all rows: per-cohort and global maxima. */
export function buildPopularityContext(rows: Iterable<PopularityInput>): PopularityContext {
  const downloadsLogMax = new Map<string, number>();
  let likesLogMax = 0;
  for (const r of rows) {
    if (present(r.downloads)) {
      const k = r.downloadsAsOf ?? UNKNOWN_COHORT;
      downloadsLogMax.set(k, Math.max(downloadsLogMax.get(k) ?? 0, Math.log1p(r.downloads)));
    }
    if (present(r.likes)) likesLogMax = Math.max(likesLogMax, Math.log1p(r.likes));
  }
  return { downloadsLogMax, likesLogMax };
}

const clamp01 = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x);

export function popularityScore(m: PopularityInput, ctx: PopularityContext): number {
  const hasD = present(m.downloads);
  const hasL = present(m.likes);
  if (!hasD && !hasL) return 0;
  const lNorm = hasL
    ? clamp01(Math.log1p(m.likes!) / Math.max(ctx.likesLogMax, LIKES_LOG_FLOOR))
    : 0;
  if (!hasD) return clamp01(freshness(m.likesAsOf) * lNorm);
  const cohortMax = ctx.downloadsLogMax.get(m.downloadsAsOf ?? UNKNOWN_COHORT) ?? 0;
  const dNorm = clamp01(Math.log1p(m.downloads!) / Math.max(cohortMax, DOWNLOADS_LOG_FLOOR));
  const w = hasL ? likesWeight(m.downloadsAsOf) : 0;
  return clamp01(freshness(m.downloadsAsOf) * ((1 - w) * dNorm + w * lNorm));
}

/** Two passes: maxima, then one score per row (same order as `rows`). */
export function computePopularity(rows: readonly PopularityInput[]): number[] {
  const ctx = buildPopularityContext(rows);
  return rows.map((r) => popularityScore(r, ctx));
}
