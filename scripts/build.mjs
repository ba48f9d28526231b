// The production build, in build/ and .next/:
//   - build/catalog-seed-child.mjs: the catalog seeding child (db/catalog/seed-child.ts) bundled by esbuild;
//   - `next build`, and at the same time (it is single-threaded; next build is not)
//   - build/pglite-template: the embedded database with the catalog snapshot loaded, which a first
//     start on embedded PGlite copies instead of loading the snapshot (db/catalog/template.ts).
// Skipped when nothing it depends on changed since the last build (scripts/build-inputs.mjs), so
// `npm install` (postinstall), `npm start` and `npm test` share one build.
//   node scripts/build.mjs              build when stale
//   node scripts/build.mjs --force      always build (npm run build)
//   node scripts/build.mjs --postinstall  as npm install's last step: a failure is reported, not fatal
//                                        (npm start builds again); STACK8S_SKIP_BUILD=1 skips it
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildInputsHash } from "./build-inputs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stamp = path.join(root, "build", "build.json");
const childBundle = path.join(root, "build", "catalog-seed-child.mjs");
const template = path.join(root, "build", "pglite-template");
// The template is built with V8's optimizing WebAssembly compiler (the CPU-heavy index builds run
// on optimized code); the server and a first-start child use baseline-only flags to save memory
// (scripts/node-flags.mjs), but the build's memory is not the server's.
const CHILD_FLAGS = ["--wasm-lazy-compilation", "--max-old-space-size=512"];
const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (!["--force", "--postinstall"].includes(a)) {
    console.error(`stack8s: unknown argument ${a} (use --force or --postinstall)`);
    process.exit(2);
  }
}

/** True when .next holds a complete build of exactly these inputs. */
function buildIsCurrent(hash) {
  try {
    const s = JSON.parse(fs.readFileSync(stamp, "utf8"));
    return (
      s.inputs === hash &&
      fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
      fs.existsSync(childBundle) &&
      fs.existsSync(path.join(template, "template.json"))
    );
  } catch {
    return false;
  }
}

async function bundleSeedChild() {
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [path.join(root, "db", "catalog", "seed-child.ts")],
    outfile: childBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
}

function run(label, args, env = process.env) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], env });
    child.stdout.on("data", (d) => {
      for (const line of String(d).split("\n")) if (line.trim()) console.log(`[${label}] ${line}`);
    });
    child.on("close", (code) => resolve({ code: code ?? 1, s: (Date.now() - t0) / 1000 }));
  });
}

async function main() {
  if (args.has("--postinstall") && process.env.STACK8S_SKIP_BUILD === "1") return 0;
  const hash = buildInputsHash(root);
  if (!args.has("--force") && buildIsCurrent(hash)) {
    console.log("[build] the production build is up to date");
    return 0;
  }
  const t0 = Date.now();
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.rmSync(stamp, { force: true });
  await bundleSeedChild();
  console.log("[build] next build (type checking is done by npm test / npm run typecheck) and the prebuilt catalog database, in parallel");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const [next, seed] = await Promise.all([
    run("next build", [nextBin, "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }),
    run("catalog template", [...CHILD_FLAGS, childBundle, "--template", template, path.join(root, "catalog", "snapshot")]),
  ]);
  console.log(`[build] next build ${next.s.toFixed(1)} s, catalog template ${seed.s.toFixed(1)} s`);
  if (next.code !== 0) return next.code;
  if (seed.code !== 0) return seed.code;
  fs.writeFileSync(stamp, JSON.stringify({ inputs: hash, built_at: new Date().toISOString() }) + "\n");
  console.log(`[build] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

const code = await main();
if (code !== 0 && args.has("--postinstall")) {
  console.error("stack8s: the build after install failed; npm start will try again and show why");
  process.exit(0);
}
process.exit(code);
