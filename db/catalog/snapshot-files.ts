import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";

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

export function* readJsonlGz<T>(file: string): Generator<T> {
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line.trim()) yield JSON.parse(line) as T;
    start = end + 1;
  }
}

export function readManifest(dir: string): SnapshotManifest {
  return JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as SnapshotManifest;
}

export function snapshotExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, "manifest.json"));
}
