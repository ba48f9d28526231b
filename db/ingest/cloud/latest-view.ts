/**
 * The "latest view" of the SkyPilot catalog (shared/data/cloud/SOURCE.md §2):
 * the newest schema folder available per provider, with its data date.
 * v5/lambda, v5/cudo and v5/fluidstack are older duplicates and not used.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseSkypilotCsv, type CatalogInstance } from "./parse-skypilot";

export interface CatalogFile {
  provider: string;
  schemaVersion: "v5" | "v6" | "v8";
  /** Path relative to the catalog root, e.g. `v5/aws/vms.csv`. */
  path: string;
  /** Stored in `cloud.instances.data_as_of`. */
  dataAsOf: string;
}

const V6_AS_OF = "2025-2026 (v6 snapshot)";
const V8_AS_OF = "2025-2026 (v8 snapshot)";

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

const V6 = ["do", "fluidstack"];
/** mithril is listed (it is the latest file) but the parser drops it: placeholder prices. */
const V8 = [
  "cudo", "hyperbolic", "hyperstack", "jarvislabs", "lambda", "lium", "mithril",
  "nebius", "primeintellect", "seeweb", "shadeform", "vast", "verda", "yotta",
];

function entry(provider: string, schemaVersion: CatalogFile["schemaVersion"], dataAsOf: string): CatalogFile {
  return { provider, schemaVersion, path: `${schemaVersion}/${provider}/vms.csv`, dataAsOf };
}

export const LATEST_VIEW: readonly CatalogFile[] = [
  ...Object.entries(V5_LAST_CHANGED).map(([p, d]) => entry(p, "v5", d)),
  ...V6.map((p) => entry(p, "v6", V6_AS_OF)),
  ...V8.map((p) => entry(p, "v8", V8_AS_OF)),
];

export function sourceLabel(file: CatalogFile): string {
  return `skypilot-catalog ${file.path}`;
}

export function parseCatalogFile(file: CatalogFile, csvText: string): CatalogInstance[] {
  return parseSkypilotCsv(csvText, {
    provider: file.provider,
    schemaVersion: file.schemaVersion,
    dataAsOf: file.dataAsOf,
    source: sourceLabel(file),
  });
}

export interface ReadCatalogOptions {
  /** Skip latest-view files missing under rootDir instead of throwing (partial refreshes). */
  skipMissing?: boolean;
  files?: readonly CatalogFile[];
}

/** Read and parse every latest-view file under a directory laid out like skypilot-catalog/. */
export async function readCatalogDir(rootDir: string, opts: ReadCatalogOptions = {}): Promise<CatalogInstance[]> {
  const rows: CatalogInstance[] = [];
  for (const file of opts.files ?? LATEST_VIEW) {
    let text: string;
    try {
      text = await readFile(path.join(rootDir, file.path), "utf8");
    } catch (err) {
      if (opts.skipMissing && (err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw err;
    }
    rows.push(...parseCatalogFile(file, text));
  }
  return rows;
}
