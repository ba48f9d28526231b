import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What the seeding child (seed-child.ts) tells the server, one JSON object per stdout line. */
export type SeedMessage =
  | { type: "progress"; step: string; done: number; total: number; rss_mb?: number; wasm_mb?: number }
  | { type: "done"; already: boolean; ms: number; counts: Record<string, number> }
  | { type: "error"; message: string };

/** Parse one stdout line of the child; anything else (a stray log line) is null. */
export function parseSeedMessage(line: string): SeedMessage | null {
  if (!line.startsWith("{")) return null;
  try {
    const m = JSON.parse(line) as SeedMessage;
    return m && (m.type === "progress" || m.type === "done" || m.type === "error") ? m : null;
  } catch {
    return null;
  }
}

/**
 * A marker in the PGlite data directory saying its catalog is loaded, so later starts need not open
 * the database in a child just to find out. The database's own meta row stays the source of truth:
 * without the marker the child opens the directory, sees the meta row and writes the marker.
 */
export const SEED_MARKER = "stack8s-catalog.json";

export function writeSeedMarker(dataDir: string, value: { loaded_at: string; already: boolean }): void {
  fs.writeFileSync(path.join(dataDir, SEED_MARKER), JSON.stringify(value) + "\n");
}

export function hasSeedMarker(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, SEED_MARKER));
}

/**
 * What a prebuilt catalog database depends on: the snapshot (its manifest holds every file's
 * sha256) and the migrations. A template whose key differs from the current one is never used.
 */
/** Bumped when the way a template is made changes (settings, load steps), so older templates are rebuilt. */
const TEMPLATE_FORMAT = "2";

export function templateKey(snapshotDir: string, migrationsDir: string): string {
  const h = crypto.createHash("sha256").update(`format ${TEMPLATE_FORMAT}\0`);
  h.update(fs.readFileSync(path.join(snapshotDir, "manifest.json")));
  for (const f of fs.readdirSync(migrationsDir).filter((f) => f.endsWith(".sql")).sort()) {
    h.update(f).update("\0").update(fs.readFileSync(path.join(migrationsDir, f)));
  }
  return h.digest("hex");
}

/** The prebuilt template's description, written beside it by the build (seed-child.ts --template). */
export const TEMPLATE_INFO = "template.json";

export function readTemplateKey(templateDir: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(templateDir, TEMPLATE_INFO), "utf8")) as { key?: string }).key ?? null;
  } catch {
    return null;
  }
}
