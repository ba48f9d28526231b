import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { getMeta } from "./meta";

export interface CatalogCounts {
  instances: number;
  providers: number;
  packages: number;
  package_versions: number;
  models: number;
  cards: number;
  card_chunks: number;
  embedded_chunks: number;
}

export async function getCatalogCounts(h: DbHandle): Promise<CatalogCounts> {
  const [r] = await h.query<Record<keyof CatalogCounts, string | number>>(sql`
    SELECT
      (SELECT count(*) FROM cloud.instances) AS instances,
      (SELECT count(DISTINCT provider) FROM cloud.instances) AS providers,
      (SELECT count(*) FROM cloud.k8s_packages) AS packages,
      (SELECT count(*) FROM cloud.k8s_package_versions) AS package_versions,
      (SELECT count(*) FROM hf.models) AS models,
      (SELECT count(*) FROM hf.card_canon) AS cards,
      (SELECT count(*) FROM hf.card_chunks) AS card_chunks,
      (SELECT count(*) FROM hf.card_chunks WHERE embedding IS NOT NULL) AS embedded_chunks`);
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])) as unknown as CatalogCounts;
}

/**
 * The same counts, cheaply, for health checks polled every few hundred milliseconds: the per-table
 * counts the catalog load recorded in meta ('catalog'), plus the providers (a small table). Full
 * counts of the card tables would scan them on every poll, and on embedded PGlite a scan blocks
 * the server's event loop. `embedded_chunks` is left to the embedding status.
 */
export async function getRecordedCatalogCounts(h: DbHandle): Promise<CatalogCounts> {
  const loaded = await getMeta<{ counts?: Partial<Record<keyof CatalogCounts, number>> }>(h.db, "catalog");
  const c = loaded?.counts;
  if (!c || c.instances === undefined || c.card_chunks === undefined) return getCatalogCounts(h);
  const [p] = await h.query<{ n: string | number }>(sql`SELECT count(DISTINCT provider) AS n FROM cloud.instances`);
  return {
    instances: c.instances,
    providers: Number(p.n),
    packages: c.packages ?? 0,
    package_versions: c.package_versions ?? 0,
    models: c.models ?? 0,
    cards: c.cards ?? 0,
    card_chunks: c.card_chunks,
    embedded_chunks: 0,
  };
}
