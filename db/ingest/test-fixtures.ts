import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Synchronously read a small JSONL fixture (test helper). */
export function readFixture(url: URL): Record<string, unknown>[] {
  return readFileSync(fileURLToPath(url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The fixture object whose `key` equals `value` (throws when absent). */
export function pick(rows: Record<string, unknown>[], key: string, value: string): Record<string, unknown> {
  const row = rows.find((r) => r[key] === value);
  if (!row) throw new Error(`fixture ${key}=${value} not found`);
  return row;
}
