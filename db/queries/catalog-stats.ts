import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";

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
