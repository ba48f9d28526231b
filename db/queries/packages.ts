import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import type { ChartCandidate } from "@/lib/search/k8s-ranking";

export type ChartRow = ChartCandidate & {
  version: string;
  appVersion: string | null;
  description: string;
  installCommand: string;
  repositoryUrl: string | null;
  license: string | null;
};

/**
 * Candidate charts for a query: weighted full-text (A name+aliases with prefix, B/C
 * description/repository/keywords) OR an ILIKE/alias hit on the name. Ranking happens in
 * lib/search/k8s-ranking.ts.
 */
export async function chartCandidates(
  h: DbHandle,
  { tsquery, tokens, phrase, includeDeprecated }: { tsquery: string; tokens: string[]; phrase: string; includeDeprecated: boolean },
): Promise<ChartRow[]> {
  if (!tokens.length) return [];
  const like = `%${phrase.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await h.query<ChartRow>(sql`
    WITH q AS (SELECT to_tsquery('simple', ${tsquery}) AS qs, to_tsquery('english', ${tsquery}) AS qe)
    SELECT id, name, repository, aliases, official, stars, deprecated, published, version,
           app_version AS "appVersion", description, install_command AS "installCommand",
           repository_url AS "repositoryUrl", license,
           ts_rank(ts_filter(search, '{a}'), q.qs, 2) AS "nameRank",
           ts_rank('{0.1, 0.2, 0.2, 1.0}', ts_filter(search, '{b,c}'), q.qs || q.qe) AS "textRank"
    FROM cloud.k8s_packages, q
    WHERE (${includeDeprecated} OR NOT deprecated)
      AND (search @@ q.qs OR search @@ q.qe OR lower(name) LIKE ${like}
           OR aliases && ${sql`ARRAY[${sql.join(tokens.map((t) => sql`${t}`), sql`, `)}]::text[]`})`);
  return rows.map((r) => ({ ...r, nameRank: Number(r.nameRank), textRank: Number(r.textRank), stars: r.stars === null ? null : Number(r.stars) }));
}
