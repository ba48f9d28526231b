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
  if (q.gpuModels) conds.push(q.gpuModels.length ? sql`gpu_model = ANY(${pgTextArray(q.gpuModels)})` : sql`false`);
  if (q.excludeGpuModels) conds.push(sql`(gpu_model IS NULL OR NOT (gpu_model = ANY(${pgTextArray(q.excludeGpuModels)})))`);
  if (q.minGpuCount !== null) conds.push(sql`gpu_count >= ${q.minGpuCount}`);
  if (q.minGpuMemoryGb !== null) conds.push(sql`coalesce(gpu_memory_gb_per_gpu, 0) >= ${q.minGpuMemoryGb}`);
  if (q.minTotalGpuMemoryGb !== null) conds.push(sql`gpu_memory_gb_total >= ${q.minTotalGpuMemoryGb}`);
  if (q.maxPricePerHour !== null) conds.push(sql`${price} <= ${q.maxPricePerHour}`);
  if (q.providers) conds.push(sql`provider = ANY(${pgTextArray(q.providers)})`);
  if (q.excludeProviders) conds.push(sql`NOT (provider = ANY(${pgTextArray(q.excludeProviders)}))`);
  if (q.regions) {
    const terms = q.regions.map(
      (t) => sql`(lower(region) LIKE ${likePrefix(t)} OR lower(region) ~ ${`(^|[^a-z0-9])${escapeRegex(t)}($|[^a-z0-9])`})`,
    );
    conds.push(sql`(${sql.join(terms, sql` OR `)})`);
  }
  if (q.minVcpus !== null) conds.push(sql`coalesce(vcpus, 0) >= ${q.minVcpus}`);
  if (q.minMemoryGb !== null) conds.push(sql`coalesce(memory_gb, 0) >= ${q.minMemoryGb}`);
  return sql.join(conds, sql` AND `);
}

/**
 * Compute search in SQL: filter, keep each (provider, instance type) at its cheapest matching
 * region (DISTINCT ON), rank price ASC → total GPU memory DESC → GPU count DESC → type ASC.
 */
export async function searchInstances(h: DbHandle, q: NormalizedComputeQuery): Promise<{ rows: InstanceHit[]; total: number }> {
  const price = q.spot ? sql.raw("spot_price_per_hour_usd") : sql.raw("price_per_hour_usd");
  const rows = await h.query<InstanceHit & { total: string | number; eff_price: number; regionsAvailable: string | number }>(sql`
    WITH matching AS (
      SELECT ${SELECT_COLUMNS}, ${price} AS eff_price,
             count(*) OVER (PARTITION BY provider, instance_type) AS "regionsAvailable"
      FROM cloud.instances
      WHERE ${whereClause(q, price)}
    ), best AS (
      SELECT DISTINCT ON (provider, "instanceType") *
      FROM matching
      ORDER BY provider, "instanceType", eff_price ASC, region COLLATE "C" ASC
    )
    SELECT *, count(*) OVER () AS total
    FROM best
    ORDER BY eff_price ASC, "gpuMemoryGbTotal" DESC, "gpuCount" DESC, "instanceType" COLLATE "C" ASC, provider COLLATE "C" ASC
    LIMIT ${q.topK}`);
  return {
    rows: rows.map(({ total: _t, eff_price: _e, ...r }) => ({ ...numeric(r), regionsAvailable: Number(r.regionsAvailable) })),
    total: rows.length ? Number(rows[0].total) : 0,
  };
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
