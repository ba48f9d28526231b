// npm run catalog:load [-- --dir catalog/snapshot]
// Reloads the catalog snapshot into the configured database (DATABASE_URL, else PGlite at
// PGLITE_DIR) inside one transaction: a failed load leaves the previous catalog intact.
// Do not run it against a PGlite directory that a running server has open.
import { openConfiguredDb } from "@/db/client";
import { loadCatalogSnapshot } from "@/db/catalog/load";
import { existingDir, scriptArgs, scriptConfig } from "./cli";

const NAME = "catalog:load";
const c = scriptConfig(NAME);
const values = scriptArgs(NAME, { dir: { type: "string" } }, "npm run catalog:load [-- --dir catalog/snapshot]");
const dir = existingDir(NAME, "--dir", values.dir ?? c.CATALOG_SNAPSHOT_DIR, "manifest.json");
const h = await openConfiguredDb();
console.log(`[catalog:load] loading ${dir} into ${h.kind}`);
try {
  const r = await loadCatalogSnapshot(h, dir, (step, done, total) => console.log(`[catalog:load] ${step} (${done}/${total})`));
  console.log(`[catalog:load] done in ${(r.ms / 1000).toFixed(1)} s: ${JSON.stringify(r.counts)}`);
} finally {
  await h.close();
}
