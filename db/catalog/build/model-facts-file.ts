/** Reads the snapshot's model rows and writes catalog/model-facts.json (the I/O around model-facts.ts). */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readJsonlGz, SNAPSHOT_FILES } from "@/db/catalog/snapshot-files";
import type { ModelFacts, ModelFactsOverrides } from "@/lib/sizing/model-facts-types";
import { FAMILY_SOURCES } from "./model-families";
import { buildModelFacts, serializeModelFacts, type FactRow } from "./model-facts";

/** Default locations, relative to the repository root. */
export const MODEL_FACTS_FILE = "catalog/model-facts.json";
export const MODEL_FACTS_OVERRIDES_FILE = "catalog/model-facts.overrides.json";

export function readOverrides(file: string): ModelFactsOverrides {
  const o = JSON.parse(fs.readFileSync(file, "utf8")) as ModelFactsOverrides;
  if (!o || !Array.isArray(o.sizes)) throw new Error(`${file}: expected {"sizes": [...]}`);
  return o;
}

/**
 * Build model-facts.json from a built snapshot directory (its hf_models.jsonl.gz), so the facts
 * can be regenerated without the upstream data (`catalog:build -- --facts-only`).
 */
export async function writeModelFacts(snapshotDir: string, outFile: string, overridesFile: string): Promise<ModelFacts> {
  const gz = path.join(snapshotDir, SNAPSHOT_FILES.models);
  const rows: FactRow[] = [];
  for await (const r of readJsonlGz<FactRow>(gz)) rows.push(r);
  const sha = crypto.createHash("sha256").update(fs.readFileSync(gz)).digest("hex");
  const facts = buildModelFacts(rows, FAMILY_SOURCES, readOverrides(overridesFile), `${SNAPSHOT_FILES.models} sha256 ${sha.slice(0, 16)} + ${path.basename(overridesFile)}`);
  fs.writeFileSync(outFile, serializeModelFacts(facts));
  return facts;
}
