import { sql, type SQL } from "drizzle-orm";
import type { DbHandle } from "@/db/client";

export interface ModelFilters {
  pipelineTags: string[] | null;
  maxParams: number | null; // absolute parameter count
  license: string | null;
}

export interface ModelRowOut {
  id: string;
  author: string | null;
  pipelineTag: string | null;
  license: string | null;
  downloads: number | null;
  likes: number | null;
  params: number | null;
  gated: boolean | null;
  popularity: number;
}

function filterSql(f: ModelFilters, alias = "m"): SQL {
  const a = sql.raw(alias);
  const conds: SQL[] = [sql`true`];
  if (f.pipelineTags) {
    const tags = textArray(f.pipelineTags);
    conds.push(sql`(${a}.pipeline_tag = ANY(${tags}) OR ${a}.recommended_for_tasks && ${tags})`);
  }
  if (f.maxParams !== null) conds.push(sql`(${a}.params IS NULL OR ${a}.params <= ${f.maxParams})`);
  if (f.license) conds.push(sql`${a}.license ILIKE ${`%${f.license.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return sql.join(conds, sql` AND `);
}

/** Models whose id/tags/description match: all-terms matches first, then the OR query by rank. */
export async function modelTextCandidates(
  h: DbHandle,
  q: { orQuery: string; andQuery: string; filters: ModelFilters; limit: number },
): Promise<{ id: string; rank: number }[]> {
  const rows = await h.query<{ id: string; rank: number }>(sql`
    WITH q AS (SELECT to_tsquery('simple', ${q.orQuery}) AS qo, to_tsquery('simple', ${q.andQuery}) AS qa)
    SELECT m.id, ts_rank(m.search, q.qo) + CASE WHEN m.search @@ q.qa THEN 1 ELSE 0 END AS rank
    FROM hf.models m, q
    WHERE m.search @@ q.qo AND ${filterSql(q.filters)}
    ORDER BY rank DESC, m.popularity DESC
    LIMIT ${q.limit}`);
  return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
}

/**
 * Best card passage per model by full-text (English and Spanish configurations). The caller
 * passes an AND query first and falls back to OR when it finds too little.
 */
export async function chunkTextCandidates(
  h: DbHandle,
  q: { tsquery: string; filters: ModelFilters; limit: number },
): Promise<{ id: string; rank: number; text: string }[]> {
  const rows = await h.query<{ id: string; rank: number; text: string }>(sql`
    WITH q AS (SELECT to_tsquery('english', ${q.tsquery}) || to_tsquery('spanish', ${q.tsquery}) AS qq),
    top AS (
      SELECT c.card_id, c.text, c.lang,
             ts_rank(c.search, q.qq) * CASE WHEN c.lang = 'en' THEN 1.0 ELSE 0.8 END AS rank
      FROM hf.card_chunks c, q
      WHERE c.search @@ q.qq
      ORDER BY rank DESC
      LIMIT ${q.limit * 3}
    )
    SELECT DISTINCT ON (mc.model_id) mc.model_id AS id, top.rank, top.text
    FROM top JOIN hf.model_to_card mc ON mc.card_id = top.card_id JOIN hf.models m ON m.id = mc.model_id
    WHERE ${filterSql(q.filters)}
    ORDER BY mc.model_id, top.rank DESC`);
  return rows
    .map((r) => ({ ...r, rank: Number(r.rank) }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, q.limit);
}

/** Best card passage per model by cosine similarity over chunk embeddings (HNSW index). */
export async function chunkVectorCandidates(
  h: DbHandle,
  q: { embedding: number[]; filters: ModelFilters; limit: number },
): Promise<{ id: string; sim: number; text: string }[]> {
  const vec = `[${q.embedding.join(",")}]`;
  const rows = await h.query<{ id: string; sim: number; text: string }>(sql`
    WITH top AS (
      SELECT c.card_id, c.text, c.embedding <=> ${vec}::vector AS dist
      FROM hf.card_chunks c
      WHERE c.embedding IS NOT NULL
      ORDER BY c.embedding <=> ${vec}::vector
      LIMIT ${q.limit * 3}
    )
    SELECT DISTINCT ON (mc.model_id) mc.model_id AS id, 1 - top.dist AS sim, top.text
    FROM top JOIN hf.model_to_card mc ON mc.card_id = top.card_id JOIN hf.models m ON m.id = mc.model_id
    WHERE ${filterSql(q.filters)}
    ORDER BY mc.model_id, top.dist ASC`);
  return rows
    .map((r) => ({ ...r, sim: Number(r.sim) }))
    .sort((a, b) => b.sim - a.sim)
    .slice(0, q.limit);
}

/** The most popular models that pass the filters (used when the query names a task, not a model). */
export async function popularModels(
  h: DbHandle,
  filters: ModelFilters,
  limit: number,
): Promise<{ id: string; recommended: boolean }[]> {
  const tags = textArray(filters.pipelineTags ?? []);
  const rows = await h.query<{ id: string; recommended: boolean }>(sql`
    SELECT m.id, (m.recommended_for_tasks && ${tags}) AS recommended
    FROM hf.models m WHERE ${filterSql(filters)}
    ORDER BY (m.recommended_for_tasks && ${tags}) DESC, m.popularity DESC, m.id LIMIT ${limit}`);
  return rows;
}

export async function modelsByIds(h: DbHandle, ids: string[]): Promise<ModelRowOut[]> {
  if (!ids.length) return [];
  const rows = await h.query<ModelRowOut>(sql`
    SELECT id, author, pipeline_tag AS "pipelineTag", license, downloads, likes, params, gated, popularity
    FROM hf.models WHERE id = ANY(${textArray(ids)})`);
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({ ...r, downloads: n(r.downloads), likes: n(r.likes), params: n(r.params), popularity: Number(r.popularity) }));
}

/** Look a model up by what a user typed (exact id, case-insensitive; else best id match). */
export async function findModelByName(h: DbHandle, name: string): Promise<ModelRowOut | null> {
  const rows = await h.query<{ id: string }>(sql`SELECT id FROM hf.models WHERE lower(id) = lower(${name}) LIMIT 1`);
  if (!rows.length) return null;
  return (await modelsByIds(h, [rows[0].id]))[0] ?? null;
}

function textArray(xs: string[]): SQL {
  return sql`ARRAY[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;
}
