// The first-start catalog load for embedded PGlite, run in a child process of the server
// (db/catalog/seed-process.ts). A separate process keeps the server's event loop free while the
// WASM database works (health answers at once) and gives all the memory of the load back to the
// machine when it exits. It speaks JSON Lines on stdout (SeedMessage).
//
// Run: node build/catalog-seed-child.mjs <pglite dir> <snapshot dir>            (bundled at build)
//      node --import tsx db/catalog/seed-child.ts <pglite dir> <snapshot dir>  (development)
//      node build/catalog-seed-child.mjs --template <template dir> <snapshot dir>
//        builds the prebuilt catalog database that a first start copies (scripts/build.mjs runs it).
import fs from "node:fs";
import path from "node:path";
import { openPglite } from "@/db/client";
import { sql } from "drizzle-orm";
import { getMeta } from "@/db/queries/meta";
import { loadCatalogSnapshot } from "./load";
import { MIGRATIONS_FOLDER } from "@/db/client";
import { readTemplateKey, templateKey, TEMPLATE_INFO, writeSeedMarker, type SeedMessage } from "./seed-protocol";

/** Postgres settings for the load only: a smaller buffer pool keeps the WASM heap (and RSS) down. */
export const SEED_CHILD_SETTINGS = { shared_buffers: "32MB", maintenance_work_mem: "64MB" };

/** Resident memory and the memory outside the JS heap (mostly PGlite's WebAssembly heap), in MB. */
function memory() {
  const m = process.memoryUsage();
  return { rss_mb: Math.round(m.rss / 1e6), wasm_mb: Math.round(m.external / 1e6) };
}

function send(m: SeedMessage) {
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

export async function runSeedChild(dataDir: string, snapshotDir: string): Promise<void> {
  const h = await openPglite(dataDir, { settings: SEED_CHILD_SETTINGS });
  try {
    if (await getMeta(h.db, "catalog")) {
      writeSeedMarker(dataDir, { loaded_at: new Date().toISOString(), already: true });
      send({ type: "done", already: true, ms: 0, counts: {} });
      return;
    }
    const r = await loadCatalogSnapshot(h, snapshotDir, (step, done, total) => send({ type: "progress", step, done, total, ...memory() }));
    // Everything on disk before the directory is handed over (or becomes the build's template).
    await h.query(sql`CHECKPOINT`);
    writeSeedMarker(dataDir, { loaded_at: new Date().toISOString(), already: false });
    send({ type: "done", already: false, ms: r.ms, counts: r.counts });
  } finally {
    await h.close();
  }
}

/**
 * Build the prebuilt catalog database in `templateDir` (data/ + template.json) unless the one there
 * was built from the same snapshot and migrations. Built beside it and renamed into place, so an
 * interrupted build never leaves a half-loaded template.
 */
export async function buildTemplate(templateDir: string, snapshotDir: string): Promise<void> {
  const key = templateKey(snapshotDir, MIGRATIONS_FOLDER);
  if (readTemplateKey(templateDir) === key && fs.existsSync(path.join(templateDir, "data"))) {
    send({ type: "done", already: true, ms: 0, counts: {} });
    return;
  }
  const tmp = `${templateDir}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  await runSeedChild(path.join(tmp, "data"), snapshotDir);
  fs.writeFileSync(path.join(tmp, TEMPLATE_INFO), JSON.stringify({ key, built_at: new Date().toISOString() }) + "\n");
  fs.rmSync(templateDir, { recursive: true, force: true });
  fs.renameSync(tmp, templateDir);
}

const isMain = process.argv[1] && /catalog-seed-child\.mjs$|seed-child\.ts$/.test(process.argv[1]);
if (isMain) {
  const args = process.argv.slice(2);
  const template = args[0] === "--template";
  const [dataDir, snapshotDir] = template ? args.slice(1) : args;
  if (!dataDir || !snapshotDir || !fs.existsSync(path.join(snapshotDir, "manifest.json"))) {
    send({ type: "error", message: `usage: seed-child [--template] <dir> <snapshot dir with manifest.json> (got ${args.join(" ")})` });
    process.exit(2);
  }
  (template ? buildTemplate(dataDir, snapshotDir) : runSeedChild(dataDir, snapshotDir)).then(
    () => process.exit(0),
    (err: unknown) => {
      send({ type: "error", message: (err as Error).message });
      process.exit(1);
    },
  );
}
