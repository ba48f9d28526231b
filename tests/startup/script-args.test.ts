import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The command-line scripts (npm run catalog:* / bench) read .env like the server and answer bad
// arguments and settings with one line and exit code 2, never a stack trace.
const tsx = path.resolve("node_modules/.bin/tsx");

function run(script: string, args: string[]) {
  return spawnSync(tsx, [path.resolve(script), ...args], { encoding: "utf8", timeout: 60_000 });
}

describe("script arguments and settings", () => {
  it.each([
    ["scripts/catalog-load.ts", ["--dir", "/no/such/dir"], /^catalog:load: --dir \/no\/such\/dir: no such directory$/],
    ["scripts/catalog-load.ts", ["--bogus"], /^catalog:load: Unknown option '--bogus' \(usage: /],
    ["scripts/catalog-build.ts", ["--from", "/no/such/dir"], /^catalog:build: --from \/no\/such\/dir: no such directory$/],
    ["bench/run.ts", ["--db", "mysql"], /^bench: --db must be pglite, postgres or both \(got mysql\)$/],
  ])("%s %s: one line, exit 2", (script, args, line) => {
    const r = run(script, args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(line);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
