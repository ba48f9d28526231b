// First-start seeding: open a fresh, empty database (migrations included) and load the committed
// snapshot, as the server does on its first start (db/catalog/seed.ts). Run through bench/run.ts
// (`npm run bench -- --only seed`).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openPglite, openPostgres, type DbHandle, type DbKind } from "@/db/client";
import { loadCatalogSnapshot } from "@/db/catalog/load";
import { SNAPSHOT_DIR, table } from "./lib";

export interface SeedReport {
  kind: DbKind;
  target: string;
  openMs: number;
  loadMs: number;
  totalMs: number;
  steps: { step: string; ms: number }[];
  counts: Record<string, number>;
}

async function seedInto(kind: DbKind, target: string, open: () => Promise<DbHandle>): Promise<SeedReport> {
  const t0 = performance.now();
  const h = await open();
  const openMs = performance.now() - t0;
  const steps: SeedReport["steps"] = [];
  let last = performance.now();
  let lastStep = "start";
  try {
    const r = await loadCatalogSnapshot(h, SNAPSHOT_DIR, (step) => {
      const now = performance.now();
      steps.push({ step: lastStep, ms: now - last });
      last = now;
      lastStep = step;
    });
    const totalMs = performance.now() - t0;
    return { kind, target, openMs, loadMs: r.ms, totalMs, steps: steps.filter((s) => s.step !== "start"), counts: r.counts };
  } finally {
    await h.close();
  }
}

/** A fresh PGlite data dir (created in the OS temp dir, removed afterwards unless `keep`). */
export async function benchSeedPglite(opts: { keep?: string } = {}): Promise<SeedReport> {
  const dir = opts.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "stack8s-seed-"));
  if (opts.keep && fs.existsSync(dir) && fs.readdirSync(dir).length) throw new Error(`--seed-dir ${dir} is not empty`);
  try {
    return await seedInto("pglite", "fresh PGlite data dir", () => openPglite(dir));
  } finally {
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A fresh PostgreSQL database on the DATABASE_URL server (CREATE DATABASE, migrate, load, DROP), so
 * the benchmark does not lock or replace the catalog other processes are reading.
 */
export async function benchSeedPostgres(url: string): Promise<SeedReport> {
  const { default: postgres } = await import("postgres");
  const name = `stack8s_seed_bench_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const u = new URL(url);
  u.pathname = `/${name}`;
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
    return await seedInto("postgres", "fresh PostgreSQL database", () => openPostgres(u.toString()));
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

export function formatSeedReports(reports: SeedReport[]): string {
  const stepNames = [...new Set(reports.flatMap((r) => r.steps.map((s) => s.step)))];
  return [
    "### First-start seeding",
    "",
    table(
      ["target", "total s", "open + migrate s", "load s", ...stepNames.map((s) => `${s} s`)],
      reports.map((r) => [
        r.target,
        (r.totalMs / 1000).toFixed(1),
        (r.openMs / 1000).toFixed(1),
        (r.loadMs / 1000).toFixed(1),
        ...stepNames.map((s) => ((r.steps.find((x) => x.step === s)?.ms ?? NaN) / 1000).toFixed(1)),
      ]),
    ),
    "",
    `Rows: ${JSON.stringify(reports[0]?.counts ?? {})}`,
  ].join("\n");
}
