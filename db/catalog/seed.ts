import path from "node:path";
import type { DbHandle } from "@/db/client";
import { getMeta } from "@/db/queries/meta";
import { loadCatalogSnapshot } from "./load";
import { snapshotExists } from "./snapshot-files";

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
  __stack8sCatalog?: { state: CatalogState; running?: Promise<void>; checked?: Promise<void> };
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

/** Tests only: forget this process's catalog state (as a fresh process would). */
export function resetCatalogStateForTests(): void {
  slot.state = { phase: "unknown", step: null, done: 0, total: 0, error: null, started_at: null, load_ms: null };
  slot.running = undefined;
  slot.checked = undefined;
}
