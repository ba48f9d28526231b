import path from "node:path";
import type { DbHandle } from "@/db/client";
import { getMeta } from "@/db/queries/meta";
import { loadCatalogSnapshot } from "./load";
import { snapshotExists } from "./snapshot-files";
import { hasSeedMarker } from "./seed-protocol";
import { runSeedChildProcess, seedChildCommand } from "./seed-process";
import { copyCatalogTemplate } from "./template";

export type CatalogPhase = "unknown" | "empty" | "seeding" | "ready" | "error";

export interface CatalogState {
  phase: CatalogPhase;
  step: string | null;
  done: number;
  total: number;
  error: string | null;
  started_at: string | null;
  load_ms: number | null;
}

const g = globalThis as unknown as {
  __stack8sCatalog?: { state: CatalogState; running?: Promise<void>; checked?: Promise<void>; child?: Promise<void> };
};
const slot = (g.__stack8sCatalog ??= {
  state: { phase: "unknown", step: null, done: 0, total: 0, error: null, started_at: null, load_ms: null },
});

export function catalogState(): CatalogState {
  return { ...slot.state };
}

function log(msg: string) {
  console.log(`[catalog] ${msg}`);
}

/**
 * On first start with an empty database, load the committed snapshot (once per process). A database
 * that already has a catalog (meta 'catalog') is not reloaded.
 */
export function ensureCatalog(
  h: DbHandle,
  opts: { snapshotDir: string; autoload: boolean },
): { checked: Promise<void>; done: Promise<void> } {
  if (slot.running && slot.checked) return { checked: slot.checked, done: slot.running };
  let markChecked!: () => void;
  slot.checked = new Promise<void>((resolve) => (markChecked = resolve));
  slot.running = (async () => {
    try {
      const existing = await getMeta<{ loaded_at: string }>(h.db, "catalog");
      if (existing) {
        slot.state = { ...slot.state, phase: "ready", step: null };
        return;
      }
      // The seeding child already tried and failed: say so rather than load again in this process.
      if (slot.state.phase === "error") return;
      const dir = path.resolve(opts.snapshotDir);
      if (!opts.autoload || !snapshotExists(dir)) {
        slot.state = { ...slot.state, phase: "empty" };
        log(opts.autoload ? `no snapshot at ${dir}; catalog is empty` : "CATALOG_AUTOLOAD=false; catalog is empty");
        return;
      }
      // The phase is "seeding" before anyone is told the check is done (routes then answer 503).
      slot.state = { ...slot.state, phase: "seeding", started_at: new Date().toISOString() };
      markChecked();
      log(`first start: loading the catalog snapshot from ${dir} into ${h.kind}`);
      const r = await loadCatalogSnapshot(h, dir, (step, done, total) => {
        slot.state = { ...slot.state, step, done, total };
        log(`${step} (${done}/${total})`);
      });
      slot.state = { ...slot.state, phase: "ready", step: null, load_ms: r.ms };
      log(`ready in ${(r.ms / 1000).toFixed(1)} s: ${JSON.stringify(r.counts)}`);
    } catch (err) {
      slot.state = { ...slot.state, phase: "error", error: (err as Error).message };
      log(`load failed (restart to retry, or run npm run catalog:load): ${(err as Error).message}`);
    } finally {
      markChecked();
    }
  })();
  return { checked: slot.checked, done: slot.running };
}

/**
 * Embedded PGlite, before the server opens the directory: when it holds no catalog yet, load the
 * snapshot in a child process (db/catalog/seed-child.ts) and wait for it. Meanwhile the phase is
 * "seeding" with the child's progress, the server never touches the directory (PGlite has no
 * locking), and health answers from this state at once. Once per process; never rejects.
 */
export function seedEmbeddedCatalog(opts: {
  dataDir: string;
  snapshotDir: string;
  autoload: boolean;
  /** Copy the build's prebuilt catalog database when it matches (db/catalog/template.ts). */
  prebuilt: boolean;
  root?: string;
}): Promise<void> {
  if (slot.child) return slot.child;
  slot.child = (async () => {
    const dataDir = path.resolve(opts.dataDir);
    const snapshotDir = path.resolve(opts.snapshotDir);
    // Loaded before, or nothing to load: the in-process check after opening decides (ensureCatalog).
    if (hasSeedMarker(dataDir) || !opts.autoload || !snapshotExists(snapshotDir)) return;
    const root = opts.root ?? process.cwd();
    const started = Date.now();
    slot.state = { ...slot.state, phase: "seeding", step: "copying the prebuilt catalog database", done: 0, total: 1, started_at: new Date().toISOString() };
    if (opts.prebuilt && (await copyCatalogTemplate(root, dataDir, snapshotDir))) {
      slot.state = { ...slot.state, phase: "ready", step: null, done: 1, total: 1, load_ms: Date.now() - started };
      log(`first start: copied the prebuilt catalog database (build/pglite-template) into ${dataDir} in ${Date.now() - started} ms`);
      return;
    }
    const cmd = seedChildCommand(root, dataDir, snapshotDir);
    if (!cmd) {
      slot.state = { ...slot.state, phase: "unknown", step: null, done: 0, total: 0 };
      return; // no child form available: ensureCatalog loads in process, as before
    }
    slot.state = { ...slot.state, step: "starting", done: 0, total: 0 };
    log(`first start: loading the catalog snapshot from ${snapshotDir} into ${dataDir} (child process, ${cmd.form})`);
    const r = await runSeedChildProcess(
      cmd,
      (m) => {
        slot.state = { ...slot.state, step: m.step, done: m.done, total: m.total };
        log(`${m.step} (${m.done}/${m.total})`);
      },
      root,
    );
    if (!r.ok) {
      slot.state = { ...slot.state, phase: "error", step: null, error: r.error };
      log(`load failed (restart to retry, or run npm run catalog:load): ${r.error}`);
      return;
    }
    slot.state = { ...slot.state, phase: "ready", step: null, load_ms: r.already ? slot.state.load_ms : r.ms };
    if (!r.already) log(`ready in ${(r.ms / 1000).toFixed(1)} s: ${JSON.stringify(r.counts)}`);
  })();
  return slot.child;
}

/** True while the embedded database is being loaded by the seeding child (the server must not open it). */
export function embeddedSeedingInProgress(): boolean {
  return slot.child !== undefined && slot.state.phase === "seeding";
}

/** Tests only: forget this process's catalog state (as a fresh process would). */
export function resetCatalogStateForTests(): void {
  slot.state = { phase: "unknown", step: null, done: 0, total: 0, error: null, started_at: null, load_ms: null };
  slot.running = undefined;
  slot.checked = undefined;
  slot.child = undefined;
}
