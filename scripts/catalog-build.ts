// npm run catalog:build -- --from ../shared/data [--out catalog/snapshot] [--facts catalog/model-facts.json]
// npm run catalog:build -- --facts-only [--out catalog/snapshot]   (model facts from the built snapshot only)
// Builds the committed catalog snapshot from the upstream files (byte-for-byte reproducible), then
// the model vocabulary catalog/model-facts.json from the snapshot's Hugging Face rows and
// catalog/model-facts.overrides.json (db/catalog/build/model-facts.ts).
import fs from "node:fs";
import path from "node:path";
import { upstreamPaths, writeSnapshot } from "@/db/catalog/build/build-snapshot";
import { MODEL_FACTS_FILE, MODEL_FACTS_OVERRIDES_FILE, writeModelFacts } from "@/db/catalog/build/model-facts-file";
import { existingDir, scriptArgs, scriptConfig } from "./cli";

const NAME = "catalog:build";
scriptConfig(NAME);
const values = scriptArgs(
  NAME,
  {
    from: { type: "string", default: "../shared/data" },
    out: { type: "string", default: "catalog/snapshot" },
    facts: { type: "string", default: MODEL_FACTS_FILE },
    overrides: { type: "string", default: MODEL_FACTS_OVERRIDES_FILE },
    "facts-only": { type: "boolean", default: false },
  },
  "npm run catalog:build -- --from ../shared/data [--out catalog/snapshot] [--facts catalog/model-facts.json] [--overrides catalog/model-facts.overrides.json] [--facts-only]",
);
const started = Date.now();
const out = path.resolve(values.out!);
if (!values["facts-only"]) {
  const from = existingDir(NAME, "--from", values.from!, "cloud");
  await writeSnapshot(upstreamPaths(from), out, (m) => console.log(`[catalog:build] ${m}`));
  const bytes = fs.readdirSync(out).reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0);
  console.log(`[catalog:build] wrote ${out} (${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  existingDir(NAME, "--out", values.out!, "hf_models.jsonl.gz");
}
const facts = await writeModelFacts(out, path.resolve(values.facts!), path.resolve(values.overrides!));
const sizes = Object.values(facts.families).reduce((n, f) => n + f.sizes.length, 0);
console.log(`[catalog:build] wrote ${values.facts} (${Object.keys(facts.families).length} families, ${sizes} sizes)`);
