import "server-only";
import { getDb, type DbHandle } from "@/db/client";
import { ensureCatalog, catalogState } from "@/db/catalog/seed";
import { startBackgroundEmbedding } from "@/lib/server/background-embedding";
import { config } from "@/lib/config";
import { ApiError } from "@/lib/api/errors";

/** The database, with first-start seeding and background embedding kicked off (not awaited). */
export async function getAppDb(): Promise<DbHandle> {
  const h = await getDb();
  const c = config();
  const { checked, done } = ensureCatalog(h, { snapshotDir: c.CATALOG_SNAPSHOT_DIR, autoload: c.CATALOG_AUTOLOAD === "true" });
  void done.then(() => {
    if (catalogState().phase === "ready") startBackgroundEmbedding(h);
  });
  await checked;
  return h;
}

/** For routes that need the catalog: 503 with Retry-After while the first-start load runs. */
export async function getCatalogDb(): Promise<DbHandle> {
  const h = await getAppDb();
  const s = catalogState();
  if (s.phase === "seeding") {
    throw new ApiError(
      "unavailable",
      `The catalog is loading (${s.step ?? "starting"}, ${s.done}/${s.total}); retry shortly`,
      [],
      { "Retry-After": "5" },
    );
  }
  return h;
}
