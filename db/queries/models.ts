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
  baseModel?: string | null;
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
  // The joins to links and models are LATERAL lookups (OFFSET 0 keeps them from being flattened):
  // the planner cannot know that `top` holds at most a few hundred passages and otherwise reads every
  // link and every model to join them. Same rows as plain joins (models.id is the primary key).
  const rows = await withoutSeqScans<{ id: string; rank: number; text: string }>(h, sql`
    WITH q AS (SELECT ${bilingualTsquery(q.tsquery)} AS qq),
    top AS (
      SELECT c.card_id, c.text, c.lang,
             ts_rank(c.search, q.qq) * CASE WHEN c.lang = 'en' THEN 1.0 ELSE 0.8 END AS rank
      FROM hf.card_chunks c, q
      WHERE c.search @@ q.qq
      ORDER BY rank DESC
      LIMIT ${q.limit * 3}
    )
    SELECT DISTINCT ON (mc.model_id) mc.model_id AS id, top.rank, top.text
    FROM top
    CROSS JOIN LATERAL (SELECT l.model_id FROM hf.model_to_card l WHERE l.card_id = top.card_id OFFSET 0) mc
    CROSS JOIN LATERAL (SELECT 1 FROM hf.models m WHERE m.id = mc.model_id AND ${filterSql(q.filters)} OFFSET 0) ok
    ORDER BY mc.model_id, top.rank DESC`);
  return rows
    .map((r) => ({ ...r, rank: Number(r.rank) }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, q.limit);
}

/**
 * Run one statement with sequential scans disabled for it alone (SET LOCAL in its own
 * transaction). For passage full-text the planner costs a scan of every passage as cheap, but each
 * row's tsvector must be de-TOASTed to test it: reading only the GIN index's matches is 2-4× faster
 * even when a fifth of the passages match. Same rows, same ranks.
 */
async function withoutSeqScans<T>(h: DbHandle, q: SQL): Promise<T[]> {
  return h.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    const r = (await tx.execute(q)) as unknown as T[] | { rows: T[] };
    return Array.isArray(r) ? [...r] : r.rows;
  });
}

/**
 * to_tsquery('english', x) || to_tsquery('spanish', x). For an OR-only query each term's stems are
 * given once when both configurations agree: matching is unchanged and so is ts_rank (its OR
 * scoring de-duplicates operands), but the planner, which treats repeated operands as independent,
 * no longer overestimates the matches and reads them through the GIN index instead of
 * de-TOASTing every passage's tsvector. AND queries are left as they are.
 */
function bilingualTsquery(tsquery: string): SQL {
  if (tsquery.includes("&") || tsquery.includes("!") || tsquery.includes("<")) {
    return sql`to_tsquery('english', ${tsquery}) || to_tsquery('spanish', ${tsquery})`;
  }
  const terms = tsquery.split("|").map((t) => t.trim()).filter(Boolean);
  if (!terms.length) return sql`to_tsquery('english', ${tsquery}) || to_tsquery('spanish', ${tsquery})`;
  return sql.join(
    terms.map(
      (t) => sql`(CASE WHEN to_tsquery('english', ${t}) = to_tsquery('spanish', ${t}) THEN to_tsquery('english', ${t})
        ELSE to_tsquery('english', ${t}) || to_tsquery('spanish', ${t}) END)`,
    ),
    sql` || `,
  );
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
  if (!filters.pipelineTags) {
    return h.query<{ id: string; recommended: boolean }>(sql`
      SELECT m.id, (m.recommended_for_tasks && ${tags}) AS recommended
      FROM hf.models m WHERE ${filterSql(filters)}
      ORDER BY (m.recommended_for_tasks && ${tags}) DESC, m.popularity DESC, m.id LIMIT ${limit}`);
  }
  // Same rows and order as "WHERE filters ORDER BY recommended DESC, popularity DESC, id LIMIT n",
  // without sorting every model of a big task (text-generation has ~20k): the filters admit a
  // model by a recommended task or by its pipeline tag, so the matches split into the recommended
  // ones (a GIN lookup) and, per tag, the others — each read in (popularity DESC, id) order from
  // (pipeline_tag, popularity DESC, id) and cut at n before the final merge.
  const branch = (where: SQL, recommended: boolean) => sql`(
    SELECT m.id, ${sql.raw(recommended ? "true" : "false")} AS recommended, m.popularity FROM hf.models m
    WHERE ${filterSql(filters)} AND ${where}
    ORDER BY m.popularity DESC, m.id LIMIT ${limit})`;
  const branches = [
    branch(sql`m.recommended_for_tasks && ${tags}`, true),
    ...[...new Set(filters.pipelineTags)].map((t) => branch(sql`m.pipeline_tag = ${t} AND NOT (m.recommended_for_tasks && ${tags})`, false)),
  ];
  return h.query<{ id: string; recommended: boolean }>(sql`
    SELECT id, recommended FROM (${sql.join(branches, sql` UNION ALL `)}) u
    ORDER BY recommended DESC, popularity DESC, id LIMIT ${limit}`);
}

/** The columns of a ModelRowOut, read from `hf.models m`. */
const MODEL_COLUMNS = sql.raw(
  `m.id, m.author, m.pipeline_tag AS "pipelineTag", m.license, m.downloads, m.likes, m.params, m.gated, m.popularity, m.base_model AS "baseModel"`,
);

/** Numeric columns as numbers (the Postgres driver returns bigint/numeric as strings). */
function toRowOut(r: ModelRowOut): ModelRowOut {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { ...r, downloads: n(r.downloads), likes: n(r.likes), params: n(r.params), popularity: Number(r.popularity) };
}

export async function modelsByIds(h: DbHandle, ids: string[]): Promise<ModelRowOut[]> {
  if (!ids.length) return [];
  const rows = await h.query<ModelRowOut>(sql`SELECT ${MODEL_COLUMNS} FROM hf.models m WHERE m.id = ANY(${textArray(ids)})`);
  return rows.map(toRowOut);
}

/** Organisations a family lookup reads at most (each is one bounded index range). */
const MAX_ORGS = 5;

/**
 * The most popular repos of each organisation (ids under "org/") that pass the filters, as full rows:
 * the family publisher's current releases, in one round trip. Bounded: a range scan of the lower(id)
 * index per organisation (the LIKE keeps it exact whatever the collation), at most `perOrg` rows each,
 * at most MAX_ORGS organisations.
 */
export async function topReposOfOrgs(h: DbHandle, orgs: string[], filters: ModelFilters, perOrg: number): Promise<ModelRowOut[]> {
  const clean = [...new Set(orgs.map((o) => o.toLowerCase()).filter((o) => /^[a-z0-9][a-z0-9._-]*$/.test(o)))].slice(0, MAX_ORGS);
  const n = Math.floor(perOrg);
  if (!clean.length || !(n > 0)) return [];
  const branch = (org: string) => sql`(
    SELECT ${MODEL_COLUMNS} FROM hf.models m
    WHERE lower(m.id) >= ${`${org}/`} AND lower(m.id) < ${`${org}0`} AND lower(m.id) LIKE ${`${org.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`}
      AND ${filterSql(filters)}
    ORDER BY m.popularity DESC, m.id LIMIT ${n})`;
  const rows = await h.query<ModelRowOut>(sql`SELECT * FROM (${sql.join(clean.map(branch), sql` UNION ALL `)}) u ORDER BY popularity DESC, id`);
  return rows.map(toRowOut);
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

/** Models whose id/tags/description match every term of `andQuery` and whose id matches `idPattern` (POSIX, case-insensitive). */
export async function modelsMatchingAll(h: DbHandle, q: { andQuery: string; idPattern: string; limit: number }): Promise<ModelRowOut[]> {
  const rows = await h.query<{ id: string }>(sql`
    SELECT m.id FROM hf.models m
    WHERE m.search @@ to_tsquery('simple', ${q.andQuery}) AND m.id ~* ${q.idPattern}
    ORDER BY m.popularity DESC, m.id LIMIT ${q.limit}`);
  return modelsByIds(h, rows.map((r) => r.id));
}
