/**
 * The "latest view" of the SkyPilot catalog (shared/data/cloud/SOURCE.md §2):
 * the newest schema folder available per provider, with its data date. For AWS and GCP the
 * partial v8 accelerator copy (`v8-gpu/`, see its SOURCE.md) replaces whole families of the
 * v5 file; every row keeps the file (and date) it came from.
 * v5/lambda, v5/cudo and v5/fluidstack are older duplicates and not used.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readCsvRecords, type CsvRecord } from "./offers";
import { parseSkypilotParts, type CatalogInstance, type CatalogPart } from "./parse-skypilot";
import { awsReplaced, gcpReplaced } from "./v8-gpu-overlay";

/** A newer partial file that replaces part of its provider's main file. */
export interface CatalogOverlay {
  /** Path relative to the catalog root, e.g. `v8-gpu/aws/vms.csv`. */
  path: string;
  dataAsOf: string;
  /** Given the overlay's records, which rows of the main file it replaces. */
  replaces: (overlay: readonly CsvRecord[]) => (base: CsvRecord) => boolean;
}

export interface CatalogFile {
  provider: string;
  schemaVersion: "v5" | "v6" | "v8";
  /** Path relative to the catalog root, e.g. `v5/aws/vms.csv`. */
  path: string;
  /** Stored in `cloud.instances.data_as_of` for this file's rows. */
  dataAsOf: string;
  overlay?: CatalogOverlay;
}

const V6_AS_OF = "2025-2026 (v6 snapshot)";
export const V8_AS_OF = "2025-2026 (v8 snapshot)";

/** v5: date of the last upstream commit that changed the file (SOURCE.md table). */
const V5_LAST_CHANGED: Record<string, string> = {
  aws: "2024-06-13",
  azure: "2023-12-08",
  gcp: "2024-06-13",
  ibm: "2023-01-15",
  oci: "2023-06-09",
  ovhcloud: "2023-11-26",
  paperspace: "2024-03-13",
  runpod: "2024-01-08",
  scaleway: "2023-12-22",
  scp: "2023-05-23",
};

/** v8-gpu/SOURCE.md: current accelerator rows for these providers (no upstream commit dates). */
const V8_GPU_OVERLAYS: Record<string, CatalogOverlay> = {
  aws: { path: "v8-gpu/aws/vms.csv", dataAsOf: V8_AS_OF, replaces: awsReplaced },
  gcp: { path: "v8-gpu/gcp/vms.csv", dataAsOf: V8_AS_OF, replaces: gcpReplaced },
};

const V6 = ["do", "fluidstack"];
/** mithril is listed (it is the latest file) but the parser drops it: placeholder prices. */
const V8 = [
  "cudo", "hyperbolic", "hyperstack", "jarvislabs", "lambda", "lium", "mithril",
  "nebius", "primeintellect", "seeweb", "shadeform", "vast", "verda", "yotta",
];

function entry(provider: string, schemaVersion: CatalogFile["schemaVersion"], dataAsOf: string): CatalogFile {
  const file: CatalogFile = { provider, schemaVersion, path: `${schemaVersion}/${provider}/vms.csv`, dataAsOf };
  const overlay = V8_GPU_OVERLAYS[provider];
  return overlay ? { ...file, overlay } : file;
}

export const LATEST_VIEW: readonly CatalogFile[] = [
  ...Object.entries(V5_LAST_CHANGED).map(([p, d]) => entry(p, "v5", d)),
  ...V6.map((p) => entry(p, "v6", V6_AS_OF)),
  ...V8.map((p) => entry(p, "v8", V8_AS_OF)),
];

/** `skypilot-catalog <path>`: the `source` of every row read from that file. */
export function sourceLabel(filePath: string): string {
  return `skypilot-catalog ${filePath}`;
}

/**
 * Parse a provider's main file, combined with its overlay when one is given: the overlay's rows
 * plus the main file's rows it does not replace. Without `overlayText` the main file is parsed alone.
 */
export function parseCatalogFile(file: CatalogFile, csvText: string, overlayText?: string): CatalogInstance[] {
  const main = readCsvRecords(csvText);
  const base: CatalogPart = { records: main, origin: { dataAsOf: file.dataAsOf, source: sourceLabel(file.path) } };
  if (overlayText === undefined || !file.overlay) return parseSkypilotParts(file.provider, [base]);
  const records = readCsvRecords(overlayText);
  const replaced = file.overlay.replaces(records);
  return parseSkypilotParts(file.provider, [
    { ...base, records: main.filter((r) => !replaced(r)) },
    { records, origin: { dataAsOf: file.overlay.dataAsOf, source: sourceLabel(file.overlay.path) } },
  ]);
}

export interface ReadCatalogOptions {
  /** Skip latest-view files missing under rootDir instead of throwing (partial refreshes). */
  skipMissing?: boolean;
  files?: readonly CatalogFile[];
}

async function readText(rootDir: string, rel: string, skipMissing: boolean | undefined): Promise<string | undefined> {
  try {
    return await readFile(path.join(rootDir, rel), "utf8");
  } catch (err) {
    if (skipMissing && (err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/** Read and parse every latest-view file (and overlay) under a directory laid out like skypilot-catalog/. */
export async function readCatalogDir(rootDir: string, opts: ReadCatalogOptions = {}): Promise<CatalogInstance[]> {
  const rows: CatalogInstance[] = [];
  for (const file of opts.files ?? LATEST_VIEW) {
    const text = await readText(rootDir, file.path, opts.skipMissing);
    if (text === undefined) continue;
    const overlay = file.overlay ? await readText(rootDir, file.overlay.path, opts.skipMissing) : undefined;
    rows.push(...parseCatalogFile(file, text, overlay));
  }
  return rows;
}
