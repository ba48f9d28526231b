import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DbHandle } from "@/db/client";

export type CellValue = string | number | boolean | null | undefined | string[] | Record<string, unknown>;

/** Encode one value for Postgres COPY ... WITH (FORMAT csv). null/undefined → NULL. */
export function csvCell(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const s = Array.isArray(v) ? pgArrayLiteral(v) : typeof v === "object" ? JSON.stringify(v) : v;
  return `"${s.replace(/"/g, '""')}"`;
}

export function pgArrayLiteral(items: string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

export function toCsv(columns: string[], rows: Iterable<Record<string, CellValue>>): { csv: string; count: number } {
  const out: string[] = [];
  for (const row of rows) out.push(columns.map((c) => csvCell(row[c])).join(","));
  return { csv: out.length ? out.join("\n") + "\n" : "", count: out.length };
}

export interface CatalogTx {
  exec(sqlText: string): Promise<void>;
  copy(table: string, columns: string[], rows: Iterable<Record<string, CellValue>>): Promise<number>;
}

/**
 * Run `fn` inside one transaction on either driver, with a COPY helper. If `fn` throws, everything
 * is rolled back, so the catalog that was there before stays intact.
 */
export async function withCatalogTransaction<T>(h: DbHandle, fn: (tx: CatalogTx) => Promise<T>): Promise<T> {
  if (h.raw.kind === "pglite") {
    return h.raw.client.transaction(async (tx) =>
      fn({
        exec: async (q) => {
          await tx.exec(q);
        },
        copy: async (table, columns, rows) => {
          const { csv, count } = toCsv(columns, rows);
          if (!count) return 0;
          await tx.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
            blob: new Blob([csv]),
          });
          return count;
        },
      }),
    );
  }
  const client = h.raw.client;
  return (await client.begin(async (tx) =>
    fn({
      exec: async (q) => {
        await tx.unsafe(q);
      },
      copy: async (table, columns, rows) => {
        const { csv, count } = toCsv(columns, rows);
        if (!count) return 0;
        const stream = (await tx
          .unsafe(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`)
          .writable()) as Writable;
        await pipeline(Readable.from([csv]), stream);
        return count;
      },
    }),
  )) as T;
}
