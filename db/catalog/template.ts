import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "@/db/client";
import { readTemplateKey, templateKey, writeSeedMarker } from "./seed-protocol";

/** Where the build puts the prebuilt catalog database (scripts/build.mjs → seed-child.ts --template). */
export function templateDir(root: string): string {
  return path.join(root, "build", "pglite-template");
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/**
 * First start on embedded PGlite: when the build left a prebuilt catalog database made from this
 * very snapshot and these migrations, copy it into the (new, empty) data directory instead of
 * loading the snapshot row by row. Returns false when there is nothing usable to copy (no template,
 * a stale one, or a data directory that already holds something); the caller then seeds.
 */
export async function copyCatalogTemplate(root: string, dataDir: string, snapshotDir: string): Promise<boolean> {
  const template = templateDir(root);
  const src = path.join(template, "data");
  if (!fs.existsSync(src) || !isEmptyDir(dataDir)) return false;
  if (readTemplateKey(template) !== templateKey(snapshotDir, MIGRATIONS_FOLDER)) return false;
  try {
    await fs.promises.mkdir(path.dirname(dataDir), { recursive: true });
    await fs.promises.cp(src, dataDir, { recursive: true, errorOnExist: true });
    writeSeedMarker(dataDir, { loaded_at: new Date().toISOString(), already: false });
    return true;
  } catch (err) {
    console.error(`[catalog] could not copy the prebuilt catalog database: ${(err as Error).message}; loading the snapshot instead`);
    await fs.promises.rm(dataDir, { recursive: true, force: true });
    return false;
  }
}
