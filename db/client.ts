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

/** Open a real PostgreSQL (postgres.js) and migrate. */
export async function openPostgres(url: string): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: 8, onnotice: () => {}, connect_timeout: 10 });
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
