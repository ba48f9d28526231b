// What a production build depends on, hashed: the build is redone only when this changes.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const DIRS = ["app", "components", "lib", "db", "public", "drizzle"];
const FILES = ["catalog/snapshot/manifest.json", "catalog/model-facts.json", "scripts/node-flags.mjs", "next.config.ts", "instrumentation.ts", "tsconfig.json", "package-lock.json", "postcss.config.mjs"];
const SKIP = /(\.test\.tsx?|\.md)$/;

function* walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (!SKIP.test(e.name)) yield p;
  }
}

/** sha256 over the paths and contents of every build input under `root`. */
export function buildInputsHash(root) {
  const h = crypto.createHash("sha256");
  const files = [...DIRS.flatMap((d) => [...walk(path.join(root, d))]), ...FILES.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f))];
  for (const f of files) {
    h.update(path.relative(root, f)).update("\0").update(fs.readFileSync(f)).update("\0");
  }
  return h.digest("hex");
}
