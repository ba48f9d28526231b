import "server-only";
import { getDb, type DbHandle } from "@/db/client";
import { ensureCatalog, catalogState, seedEmbeddedCatalog, embeddedSeedingInProgress } from "@/db/catalog/seed";
import { startBackgroundEmbedding } from "@/lib/server/background-embedding";
import { config } from "@/lib/config";
import { ApiError } from "@/lib/api/errors";

const g = globalThis as unknown as { __stack8sAppDb?: Promise<DbHandle> };

/**
 * Open the app's database once per process: on embedded PGlite, a first start loads the catalog
 * in a child process before the directory is opened here; on PostgreSQL the load runs in this
 * process (the database does the work). Background embedding starts once the catalog is ready.
 */
export function openAppDb(): Promise<DbHandle> {
  if (!g.__stack8sAppDb) {
    const c = config();
    const autoload = c.CATALOG_AUTOLOAD === "true";
    const opening = (async () => {
      if (!c.databaseUrl)
        await seedEmbeddedCatalog({
          dataDir: c.PGLITE_DIR,
          snapshotDir: c.CATALOG_SNAPSHOT_DIR,
          autoload,
          prebuilt: c.CATALOG_PREBUILT === "true",
        });
      const h = await getDb();
      const { checked, done } = ensureCatalog(h, { snapshotDir: c.CATALOG_SNAPSHOT_DIR, autoload });
      void done.then(() => {
        if (catalogState().phase === "ready") startBackgroundEmbedding(h);
      });
      await checked;
      return h;
    })();
    g.__stack8sAppDb = opening;
    opening.catch(() => {
      if (g.__stack8sAppDb === opening) g.__stack8sAppDb = undefined;
    });
  }
  return g.__stack8sAppDb;
}

function loadingError(): ApiError {
  const s = catalogState();
  return new ApiError(
    "unavailable",
    `The catalog is loading (${s.step ?? "starting"}, ${s.done}/${s.total}); retry shortly`,
    [],
    { "Retry-After": "5" },
  );
}

/**
 * The database for a request. While a first start loads embedded PGlite in its child process the
 * directory is not open yet: 503 with Retry-After instead of waiting.
 */
export async function getAppDb(): Promise<DbHandle> {
  const opening = openAppDb();
  if (embeddedSeedingInProgress()) throw loadingError();
  return opening;
}

/** For routes that need the catalog: 503 with Retry-After while the first-start load runs. */
export async function getCatalogDb(): Promise<DbHandle> {
  const h = await getAppDb();
  if (catalogState().phase === "seeding") throw loadingError();
  return h;
}
