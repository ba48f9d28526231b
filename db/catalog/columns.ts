import { getTableColumns, getTableName } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";

/** Columns a loader writes: every column except generated ones and serial ids. */
export function copyColumns(table: PgTable): { key: string; name: string }[] {
  return Object.entries(getTableColumns(table))
    .filter(([, c]) => !c.generated && c.columnType !== "PgSerial")
    .map(([key, c]) => ({ key, name: c.name }));
}

export function qualifiedName(table: PgTable): string {
  const { schema } = getTableConfig(table);
  return schema ? `${schema}.${getTableName(table)}` : getTableName(table);
}

/** drizzle insert row (camelCase keys) → snapshot/DB row (snake_case column names), nulls kept explicit. */
export function toColumnRow(table: PgTable, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, name } of copyColumns(table)) out[name] = row[key] ?? null;
  return out;
}
