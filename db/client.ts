import fs from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { config } from "@/lib/config";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "pglite" | "postgres";

export type RawClient =
  | { kind: "pglite"; client: import("@electric-sql/pglite").PGlite }
  | { kind: "postgres"; client: import("postgres").Sql };

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** The driver's own client, for what drizzle does not cover (COPY, transactions of raw SQL). */
  raw: RawClient;
  /** Run raw SQL and get plain row objects on either driver. */
  query<T = Record<string, unknown>>(q: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/**
 * Postgres settings for every embedded PGlite this app opens. Its default 128 MB buffer pool lives in
 * the WebAssembly heap, which never shrinks; 32 MB keeps the server's memory near 350 MB, and the OS
 * page cache still holds the catalog's pages (no measurable cost per plan; docs/BENCHMARKS.md).
 */
export const PGLITE_SETTINGS: Record<string, string> = { shared_buffers: "32MB" };

export interface PgliteTuning {
  /** Postgres settings for this process only (`-c name=value`), over PGLITE_SETTINGS. */
  settings?: Record<string, string>;
}

/** Open PGlite (with pgvector) at `dataDir`, or in memory when undefined, and migrate. */
export async function openPglite(dataDir?: string, tuning: PgliteTuning = {}): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { vector } = await import("@electric-sql/pglite-pgvector");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (dataDir) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  // Always one options object: `new PGlite(dir, { extensions })` silently drops the extension.
  const settings = Object.entries({ ...PGLITE_SETTINGS, ...tuning.settings }).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
  const client = new PGlite({ dataDir, extensions: { vector }, startParams: [...PGlite.defaultStartParams, ...settings] });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    raw: { kind: "pglite", client },
    query: async <T,>(q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows,
    close: () => client.close(),
  };
}

/**
 * postgres.js settings so an outage answers fast and heals without a restart (option names and
 * defaults: postgres.js README "Connection details" and src/index.js `parseOptions`). postgres.js opens
 * connections lazily and reconnects on the next query after one closes, so nothing here retries on its
 * own; these bound how long a request can wait before its error reaches lib/api/handler.ts (503).
 * Assumption: a request should learn the database is down within about 2.5 s.
 */
export const POSTGRES_FAULT_OPTIONS = {
  /** Seconds to establish a connection (default 30): an unreachable host fails a request in 2 s, not 30. */
  connect_timeout: 2,
  /** Seconds an unused pooled connection is kept (default: forever): fewer stale sockets to discover after a cut. */
  idle_timeout: 20,
  /** Seconds of idleness before TCP keepalive probes start on a socket (default 60): probing a silently dead peer starts sooner. */
  keep_alive: 15,
  /**
   * Seconds to wait before reconnecting after a failed connection. postgres.js's default is
   * (0.5..1) × min(3^retries / 100, 20): during an outage the failures accumulate and a query then
   * waits up to 20 s before even trying, which looked like a hang. Same schedule, capped at 0.5 s so
   * backoff + connect_timeout stays within the 2.5 s above; the counter resets on a successful connect.
   */
  backoff: (retries: number) => (0.5 + Math.random() / 2) * Math.min(3 ** retries / 100, 0.5),
  connection: {
    /**
     * Server-side limit per statement, in ms (PostgreSQL docs, "statement_timeout"; sent in the startup
     * message, so it holds on every pooled connection). No request query should come near it, and a
     * full catalog load into an empty database (71 s in all, batches of 5,000 rows) ran with no
     * statement cut by it (measured on the dev machine, 8 December 2026).
     * A statement cut by it fails with SQLSTATE 57014, answered as 503 (db/faults.ts).
     */
    statement_timeout: 15_000,
  },
} as const;

/** Open a real PostgreSQL (postgres.js) and migrate. */
export async function openPostgres(url: string): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: 8, onnotice: () => {}, ...POSTGRES_FAULT_OPTIONS });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    raw: { kind: "postgres", client },
    query: async <T,>(q: SQL) => [...((await db.execute(q)) as unknown as T[])],
    close: () => client.end({ timeout: 5 }),
  };
}

/** Open whichever database the config names. */
export function openConfiguredDb(): Promise<DbHandle> {
  const c = config();
  return c.databaseUrl ? openPostgres(c.databaseUrl) : openPglite(c.PGLITE_DIR);
}

const g = globalThis as unknown as { __stack8sDb?: Promise<DbHandle> };

/** The process-wide database handle (one per process, survives HMR). */
export function getDb(): Promise<DbHandle> {
  if (!g.__stack8sDb) {
    const opening = openConfiguredDb();
    g.__stack8sDb = opening;
    opening.catch(() => {
      if (g.__stack8sDb === opening) g.__stack8sDb = undefined;
    });
  }
  return g.__stack8sDb;
}
