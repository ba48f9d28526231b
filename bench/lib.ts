// Shared helpers for the benchmarks (bench/run.ts is the entry point).
import os from "node:os";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openPglite, openPostgres, type DbHandle, type DbKind } from "@/db/client";
import { loadCatalogSnapshot } from "@/db/catalog/load";
import { readManifest, snapshotExists } from "@/db/catalog/snapshot-files";
import { getMeta } from "@/db/queries/meta";

export const SNAPSHOT_DIR = path.resolve("catalog/snapshot");

export interface BenchOptions {
  iterations: number;
  warmup: number;
  verbose: boolean;
}

/** Nearest-rank percentile of an unsorted sample (p in [0, 100]). */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

export function stats(xs: number[]): Stats {
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length),
    max: Math.max(...xs),
  };
}

/** Wall-clock milliseconds of one awaited call. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : "—");
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "—");

export function loadAverage(): string {
  return os.loadavg().map((x) => x.toFixed(2)).join(" ");
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Open the benchmark database; the catalog snapshot is loaded first if this database does not hold it. */
export async function openBenchDb(kind: DbKind, opts: { dir?: string; url?: string }): Promise<DbHandle> {
  let h: DbHandle;
  if (kind === "postgres") {
    const url = opts.url ?? process.env.DATABASE_URL ?? process.env.SUPABASE_DB_URL;
    if (!url) throw new Error("--db postgres needs DATABASE_URL (or --url)");
    h = await openPostgres(url);
  } else {
    h = await openPglite(opts.dir ?? process.env.PGLITE_DIR ?? ".data/pglite");
  }
  await ensureSnapshot(h);
  return h;
}

async function ensureSnapshot(h: DbHandle): Promise<void> {
  if (!snapshotExists(SNAPSHOT_DIR)) throw new Error(`no catalog snapshot at ${SNAPSHOT_DIR}`);
  const want = readManifest(SNAPSHOT_DIR).sha256;
  const have = await getMeta<{ sha256?: Record<string, string> }>(h.db, "catalog");
  // Key order is not preserved by jsonb: compare as objects.
  if (have?.sha256 && isDeepStrictEqual(have.sha256, want)) return;
  console.log(`[bench] ${h.kind} does not hold the committed snapshot: loading it first (not timed)`);
  await loadCatalogSnapshot(h, SNAPSHOT_DIR);
}

/** A markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const out = [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const r of rows) out.push(`| ${r.join(" | ")} |`);
  return out.join("\n");
}
