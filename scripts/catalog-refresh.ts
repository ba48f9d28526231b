// npm run catalog:refresh -- [--from ../shared/data] [--base <url>] [--out catalog/snapshot]
// Re-runs the same connectors on live upstream data: downloads the latest-view SkyPilot catalog
// CSVs (one per provider) into a temporary copy of the upstream layout, takes the Helm and Hugging
// Face files from --from (their upstream builders are not part of this project), and rebuilds the
// snapshot. Then run `npm run catalog:load` to load it. Needs network access; fails clearly without.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { upstreamPaths, writeSnapshot } from "@/db/catalog/build/build-snapshot";
import { LATEST_VIEW } from "@/db/ingest/cloud/latest-view";
import { existingDir, scriptArgs, scriptConfig } from "./cli";

const DEFAULT_BASE = "https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs";
const NAME = "catalog:refresh";
scriptConfig(NAME);
const values = scriptArgs(
  NAME,
  {
    from: { type: "string", default: "../shared/data" },
    base: { type: "string", default: DEFAULT_BASE },
    out: { type: "string", default: "catalog/snapshot" },
  },
  "npm run catalog:refresh -- [--from ../shared/data] [--base <url>] [--out catalog/snapshot]",
);
existingDir(NAME, "--from", values.from!);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stack8s-refresh-"));
const from = path.resolve(values.from!);
try {
  for (const f of LATEST_VIEW) {
    const url = `${values.base}/${f.path}`;
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((err: Error) => {
      throw new Error(`cannot download ${url}: ${err.message}`);
    });
    if (!res.ok) throw new Error(`cannot download ${url}: HTTP ${res.status}`);
    const dest = path.join(tmp, "cloud/skypilot-catalog", f.path);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, Buffer.from(await res.arrayBuffer()));
    console.log(`[catalog:refresh] ${f.path}`);
    // The partial v8 accelerator copies (v8-gpu/) are not an upstream path: take them from --from.
    if (f.overlay) {
      const overlayDest = path.join(tmp, "cloud/skypilot-catalog", f.overlay.path);
      fs.mkdirSync(path.dirname(overlayDest), { recursive: true });
      fs.copyFileSync(path.join(from, "cloud/skypilot-catalog", f.overlay.path), overlayDest);
    }
  }
  for (const dir of ["k8s", "hf"]) fs.symlinkSync(path.join(from, dir), path.join(tmp, dir));
  const out = path.resolve(values.out!);
  await writeSnapshot(upstreamPaths(tmp), out, (m) => console.log(`[catalog:refresh] ${m}`));
    console.log(`[catalog:refresh] snapshot rebuilt in ${out}; run npm run catalog:load to load it`);
} catch (err) {
  console.error(`[catalog:refresh] ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
