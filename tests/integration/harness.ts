import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { openPglite, openPostgres, type DbHandle } from "@/db/client";
import { loadCatalogSnapshot } from "@/db/catalog/load";
import { getMeta } from "@/db/queries/meta";
import { readManifest, snapshotExists } from "@/db/catalog/snapshot-files";

export const SNAPSHOT_DIR = path.resolve("catalog/snapshot");

/** Load the committed snapshot unless this database already holds exactly that snapshot. */
export async function ensureSnapshotLoaded(h: DbHandle): Promise<void> {
  if (!snapshotExists(SNAPSHOT_DIR)) throw new Error(`no catalog snapshot at ${SNAPSHOT_DIR}: run npm run catalog:build`);
  const want = readManifest(SNAPSHOT_DIR).sha256;
  const have = await getMeta<{ sha256?: Record<string, string> }>(h.db, "catalog");
  // jsonb does not keep key order: compare the checksums as values.
  if (have?.sha256 && isDeepStrictEqual(have.sha256, want)) return;
  await loadCatalogSnapshot(h, SNAPSHOT_DIR);
}

export type Backend = { name: "pglite" | "postgres"; open: () => Promise<DbHandle> };

export function backends(): Backend[] {
  const list: Backend[] = [{ name: "pglite", open: () => openPglite() }];
  const url = process.env.DATABASE_URL ?? process.env.SUPABASE_DB_URL;
  if (url) list.push({ name: "postgres", open: () => openPostgres(url) });
  return list;
}
