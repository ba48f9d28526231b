import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// next.config.ts validates every setting before build or start (both load it first).
const nextBin = path.resolve("node_modules/.bin/next");

function start(env: Record<string, string>) {
  return spawnSync(nextBin, ["build"], { env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8", timeout: 60_000 });
}

describe("start-up with a bad setting", () => {
  it.each([
    [{ DATABASE_URL: "not-a-url" }, /^stack8s: Invalid setting DATABASE_URL: /m],
    [{ PORT: "eighty" }, /^stack8s: Invalid setting PORT: /m],
    [{ EMBEDDINGS: "sometimes" }, /^stack8s: Invalid setting EMBEDDINGS: /m],
  ])("%o stops with one line naming the setting", (env, line) => {
    const r = start(env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(line);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("stack8s:"))).toHaveLength(1);
  });
});
