import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { PGLITE_NODE_FLAGS } from "@/scripts/node-flags.mjs";
import { parseSeedMessage, type SeedMessage } from "./seed-protocol";

/**
 * V8 flags for the seeding child: WebAssembly compiled by the baseline compiler only, lazily (see
 * scripts/node-flags.mjs: about 400 MB less transient memory when PGlite starts), and a bounded JS
 * heap so V8 collects the streamed rows early instead of letting garbage pile up.
 */
export const CHILD_NODE_FLAGS = [...PGLITE_NODE_FLAGS, "--max-old-space-size=256"];

export interface SeedChildCommand {
  command: string;
  args: string[];
  /** "bundle": the build's build/catalog-seed-child.mjs; "tsx": the TypeScript source (development). */
  form: "bundle" | "tsx";
}

/** How to start the seeding child from the project root `root`; null when neither form is available. */
export function seedChildCommand(root: string, dataDir: string, snapshotDir: string): SeedChildCommand | null {
  const bundle = path.join(root, "build", "catalog-seed-child.mjs");
  if (fs.existsSync(bundle)) {
    return { form: "bundle", command: process.execPath, args: [...CHILD_NODE_FLAGS, bundle, dataDir, snapshotDir] };
  }
  if (fs.existsSync(path.join(root, "node_modules", "tsx"))) {
    const src = path.join(root, "db", "catalog", "seed-child.ts");
    return { form: "tsx", command: process.execPath, args: [...CHILD_NODE_FLAGS, "--import", "tsx", src, dataDir, snapshotDir] };
  }
  return null;
}

export interface SeedChildResult {
  ok: boolean;
  already: boolean;
  ms: number;
  counts: Record<string, number>;
  error: string | null;
}

/**
 * Run the seeding child to completion, passing each progress message on. Never rejects: a failed
 * child (crash, bad exit code, error message) gives `ok: false` with the reason.
 */
export function runSeedChildProcess(
  cmd: SeedChildCommand,
  onProgress: (m: Extract<SeedMessage, { type: "progress" }>) => void,
  cwd: string,
): Promise<SeedChildResult> {
  return new Promise((resolve) => {
    let result: SeedChildResult = { ok: false, already: false, ms: 0, counts: {}, error: null };
    const child = spawn(cmd.command, cmd.args, { cwd, stdio: ["ignore", "pipe", "inherit"], env: process.env });
    const lines = readline.createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const m = parseSeedMessage(line);
      if (!m) {
        if (line.trim()) console.log(`[catalog] ${line}`);
        return;
      }
      if (m.type === "progress") onProgress(m);
      else if (m.type === "done") result = { ok: true, already: m.already, ms: m.ms, counts: m.counts, error: null };
      else result = { ...result, ok: false, error: m.message };
    });
    child.on("error", (err) => resolve({ ...result, ok: false, error: `could not start the seeding process: ${err.message}` }));
    child.on("close", (code, signal) => {
      if (code === 0 && result.ok) return resolve(result);
      resolve({ ...result, ok: false, error: result.error ?? `the seeding process exited with ${signal ?? `code ${code}`}` });
    });
  });
}
