import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import readline from "node:readline";

/** The committed catalog snapshot: gzip'd JSON Lines, one file per table, plus manifest.json. */
export const SNAPSHOT_FILES = {
  instances: "instances.jsonl.gz",
  packages: "k8s_packages.jsonl.gz",
  packageVersions: "k8s_package_versions.jsonl.gz",
  models: "hf_models.jsonl.gz",
  cards: "hf_cards.jsonl.gz",
} as const;

export type SnapshotFile = keyof typeof SNAPSHOT_FILES;

export interface SnapshotManifest {
  format_version: 1;
  built_at_data_dates: Record<string, string>;
  sources: { name: string; url: string; license: string; data_as_of: string }[];
  counts: Record<SnapshotFile, number>;
  sha256: Record<string, string>;
  selection: string[];
}

/** Deterministic gzip (mtime 0, fixed level) so the same rows give the same bytes. */
export function writeJsonlGz(file: string, rows: Iterable<unknown>): { count: number; sha256: string } {
  const lines: string[] = [];
  for (const r of rows) lines.push(JSON.stringify(r));
  const buf = zlib.gzipSync(Buffer.from(lines.join("\n") + (lines.length ? "\n" : "")), { level: 9 });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  return { count: lines.length, sha256: crypto.createHash("sha256").update(buf).digest("hex") };
}

/**
 * Stream the rows of a gzip'd JSON Lines file, one parsed line at a time: the whole file is never
 * held in memory (the card file is 79 MB of text), which keeps a first start's peak memory low.
 */
export async function* readJsonlGz<T>(file: string): AsyncGenerator<T> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) yield JSON.parse(line) as T;
  }
}

export function readManifest(dir: string): SnapshotManifest {
  return JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as SnapshotManifest;
}

export function snapshotExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, "manifest.json"));
}
