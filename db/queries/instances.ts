import { sql, type SQL } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import type { NormalizedComputeQuery } from "@/lib/search/compute-query";
import { escapeRegex } from "@/lib/search/compute-query";
import type { InstanceCandidate } from "@/lib/search/compute-ranking";

export type InstanceHit = InstanceCandidate & { regionsAvailable: number };

const SELECT_COLUMNS = sql`provider, instance_type AS "instanceType", region, gpu_model AS "gpuModel",
  gpu_count AS "gpuCount", gpu_memory_gb_per_gpu AS "gpuMemoryGbPerGpu", gpu_memory_gb_total AS "gpuMemoryGbTotal",
  accelerator_kind AS "acceleratorKind", vcpus, memory_gb AS "memoryGb", price_per_hour_usd AS "pricePerHourUsd",
  spot_price_per_hour_usd AS "spotPricePerHourUsd", data_as_of AS "dataAsOf"`;

function whereClause(q: NormalizedComputeQuery, price: SQL): SQL {
  const conds: SQL[] = [sql`${price} IS NOT NULL`];
  if (q.gpu === "required") conds.push(sql`gpu_count > 0 AND accelerator_kind = 'gpu'`);
  if (q.gpu === "none") conds.push(sql`gpu_count = 0`);
  // Same rule as lib/gpu/slices.ts isGpuSlice.
  if (!q.allowGpuSlices) conds.push(sql`NOT (gpu_count > 0 AND gpu_count < 1)`);
  if (q.gpuModels) conds.push(q.gpuModels.length ? sql`gpu_model = ANY(${pgTextArray(q.gpuModels)})` : sql`false`);
  if (q.excludeGpuModels) conds.push(sql`(gpu_model IS NULL OR NOT (gpu_model = ANY(${pgTextArray(q.excludeGpuModels)})))`);
  if (q.minGpuCount !== null) conds.push(sql`gpu_count >= ${q.minGpuCount}`);
  if (q.minGpuMemoryGb !== null) conds.push(sql`coalesce(gpu_memory_gb_per_gpu, 0) >= ${q.minGpuMemoryGb}`);
  if (q.minTotalGpuMemoryGb !== null) conds.push(sql`gpu_memory_gb_total >= ${q.minTotalGpuMemoryGb}`);
  if (q.maxPricePerHour !== null) conds.push(sql`${price} <= ${q.maxPricePerHour}`);
  if (q.providers) conds.push(sql`provider = ANY(${pgTextArray(q.providers)})`);
  if (q.excludeProviders) conds.push(sql`NOT (provider = ANY(${pgTextArray(q.excludeProviders)}))`);
  if (q.regions) {
    // Both tests imply that the region contains the term: the cheap strpos check skips the regex
    // on almost every row (same rows match).
    const terms = q.regions.map(
      (t) =>
        sql`(strpos(lower(r.region), ${t}) > 0 AND (lower(r.region) LIKE ${likePrefix(t)} OR lower(r.region) ~ ${`(^|[^a-z0-9])${escapeRegex(t)}($|[^a-z0-9])`}))`,
    );
    // The terms are tested once per distinct region (a few hundred), not once per row (25k+, mostly CPU rows).
    // ARRAY(…) is an uncorrelated subquery, evaluated once per statement (an InitPlan); OFFSET 0 keeps the
    // terms from being pushed below the DISTINCT (they would run on every row again).
    conds.push(sql`region = ANY(ARRAY(SELECT r.region FROM (SELECT DISTINCT region FROM cloud.instances OFFSET 0) r WHERE ${sql.join(terms, sql` OR `)}))`);
  }
  if (q.minVcpus !== null) conds.push(sql`coalesce(vcpus, 0) >= ${q.minVcpus}`);
  if (q.minMemoryGb !== null) conds.push(sql`coalesce(memory_gb, 0) >= ${q.minMemoryGb}`);
  return sql.join(conds, sql` AND `);
}

/**
 * Compute search in SQL: filter, keep each (provider, instance type) at its cheapest matching
 * region, rank price ASC → total GPU memory DESC → GPU count DESC → type ASC → provider ASC.
 * Two exact SQL forms (same rows, same order); which one runs is only a matter of speed.
 */
export async function searchInstances(
  h: DbHandle,
  q: NormalizedComputeQuery,
  /** Force one SQL form (benchmarks and tests check that both agree with the reference). */
  form: "auto" | "one-pass" | "two-phase" = "auto",
): Promise<{ rows: InstanceHit[]; total: number }> {
  const price = q.spot ? sql.raw("spot_price_per_hour_usd") : sql.raw("price_per_hour_usd");
  const where = whereClause(q, price);
  const twoPhase = form === "auto" ? isBroad(q) : form === "two-phase";
  const rows = await h.query<InstanceHit & { total: string | number; eff_price: number; regionsAvailable: string | number }>(
    twoPhase ? twoPhaseSql(where, price, q.topK) : onePassSql(where, price, q.topK),
  );
  return {
    rows: rows.map(({ total: _t, eff_price: _e, ...r }) => ({ ...numeric(r), regionsAvailable: Number(r.regionsAvailable) })),
    total: rows.length ? Number(rows[0].total) : 0,
  };
}

/**
 * Which form is faster (both return the same): a search that can match thousands of rows (CPU or
 * any accelerator; GPUs held only by a low memory floor) is cheaper two-phase, which never sorts
 * them all; a search narrowed to a few hundred GPU rows (a named GPU, a provider, a region, a big
 * memory floor) is cheaper in one pass, which plans faster and tests the filters (regions use a
 * regex) once per row instead of twice. A speed heuristic only.
 */
function isBroad(q: NormalizedComputeQuery): boolean {
  // CPU (or any) rows are thousands, unless a provider or region filter narrows them to a few hundred.
  if (q.gpu !== "required") return !q.providers && !q.regions;
  const namedGpu = q.gpuModels !== null && q.gpuModels.length <= NARROW_GPU_MODELS;
  return !namedGpu && !q.providers && !q.regions && (q.minTotalGpuMemoryGb ?? 0) < BROAD_BELOW_GB;
}

const NARROW_GPU_MODELS = 4;
const BROAD_BELOW_GB = 160;

/** The ranking over a relation with the SELECT_COLUMNS names and eff_price (`t` qualifies them). */
function ranking(t: string): SQL {
  const c = sql.raw(t ? `${t}.` : "");
  return sql`${c}eff_price ASC, ${c}"gpuMemoryGbTotal" DESC, ${c}"gpuCount" DESC, ${c}"instanceType" COLLATE "C" ASC, ${c}provider COLLATE "C" ASC`;
}

/** Window count of regions per type over every matching row, then DISTINCT ON the cheapest region. */
function onePassSql(where: SQL, price: SQL, topK: number): SQL {
  return sql`
    WITH matching AS (
      SELECT ${SELECT_COLUMNS}, ${price} AS eff_price,
             count(*) OVER (PARTITION BY provider, instance_type) AS "regionsAvailable"
      FROM cloud.instances
      WHERE ${where}
    ), best AS (
      SELECT DISTINCT ON (provider, "instanceType") *
      FROM matching
      ORDER BY provider, "instanceType", eff_price ASC, region COLLATE "C" ASC
    )
    SELECT *, count(*) OVER () AS total
    FROM best
    ORDER BY ${ranking("")}
    LIMIT ${topK}`;
}

/**
 * The same result without sorting every matching row (thousands for broad or CPU searches):
 *  1. `g`: one aggregate over the matching rows gives, per type, its cheapest matching price and
 *     its number of matching regions (regionsAvailable); the number of groups is total_matches.
 *  2. A type's best row costs exactly its group's minimum and the ranking sorts on that price
 *     first, so the top K types all have a minimum ≤ the K-th smallest group minimum (ties kept).
 *     Only matching rows at or under that price reach the DISTINCT ON; each type's cheapest rows
 *     are always among them, so each type keeps the same region.
 */
function twoPhaseSql(where: SQL, price: SQL, topK: number): SQL {
  return sql`
    WITH g AS MATERIALIZED (
      SELECT provider, instance_type, min(${price}) AS p, count(*) AS n
      FROM cloud.instances
      WHERE ${where}
      GROUP BY provider, instance_type
    ), best AS (
      SELECT DISTINCT ON (provider, instance_type) ${SELECT_COLUMNS}, ${price} AS eff_price
      FROM cloud.instances
      WHERE ${where}
        AND ${price} <= coalesce((SELECT p FROM g ORDER BY p OFFSET ${topK - 1} LIMIT 1), 'Infinity'::float8)
      ORDER BY provider, instance_type, ${price} ASC, region COLLATE "C" ASC
    )
    SELECT best.*, g.n AS "regionsAvailable", (SELECT count(*) FROM g) AS total
    FROM best JOIN g ON g.provider = best.provider AND g.instance_type = best."instanceType"
    ORDER BY ${ranking("best")}
    LIMIT ${topK}`;
}

/** All rows, for the in-memory reference scan (benchmarks, tests). */
export async function allInstances(h: DbHandle): Promise<InstanceCandidate[]> {
  const rows = await h.query<InstanceCandidate>(sql`SELECT ${SELECT_COLUMNS} FROM cloud.instances`);
  return rows.map(numeric);
}

/** Distinct GPU models (with their largest instance) for "did you mean" suggestions. */
export async function gpuModelsOffered(h: DbHandle): Promise<{ gpuModel: string; maxCount: number; memoryGb: number | null }[]> {
  const rows = await h.query<{ gpuModel: string; maxCount: number; memoryGb: number | null }>(sql`
    SELECT gpu_model AS "gpuModel", max(gpu_count) AS "maxCount", max(gpu_memory_gb_per_gpu) AS "memoryGb"
    FROM cloud.instances WHERE gpu_model IS NOT NULL AND accelerator_kind = 'gpu'
    GROUP BY gpu_model ORDER BY gpu_model`);
  return rows.map((r) => ({ ...r, maxCount: Number(r.maxCount), memoryGb: r.memoryGb === null ? null : Number(r.memoryGb) }));
}

function numeric<T extends InstanceCandidate>(r: T): T {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ...r,
    gpuCount: Number(r.gpuCount),
    gpuMemoryGbPerGpu: n(r.gpuMemoryGbPerGpu),
    gpuMemoryGbTotal: Number(r.gpuMemoryGbTotal),
    vcpus: n(r.vcpus),
    memoryGb: n(r.memoryGb),
    pricePerHourUsd: n(r.pricePerHourUsd),
    spotPricePerHourUsd: n(r.spotPricePerHourUsd),
  };
}

function likePrefix(t: string): string {
  return `${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A text[] parameter that works the same on postgres.js and PGlite. */
function pgTextArray(xs: string[]): SQL {
  return sql`ARRAY[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;
}
