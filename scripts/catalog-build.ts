// npm run catalog:build -- --from ../shared/data [--out catalog/snapshot]
// Builds the committed catalog snapshot from the upstream files (byte-for-byte reproducible).
import fs from "node:fs";
import path from "node:path";
import { upstreamPaths, writeSnapshot } from "@/db/catalog/build/build-snapshot";
import { existingDir, scriptArgs, scriptConfig } from "./cli";

const NAME = "catalog:build";
scriptConfig(NAME);
const values = scriptArgs(
  NAME,
  { from: { type: "string", default: "../shared/data" }, out: { type: "string", default: "catalog/snapshot" } },
  "npm run catalog:build -- --from ../shared/data [--out catalog/snapshot]",
);
const from = existingDir(NAME, "--from", values.from!, "cloud");
const started = Date.now();
const out = path.resolve(values.out!);
await writeSnapshot(upstreamPaths(from), out, (m) => console.log(`[catalog:build] ${m}`));
const bytes = fs.readdirSync(out).reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0);
console.log(`[catalog:build] wrote ${out} (${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
