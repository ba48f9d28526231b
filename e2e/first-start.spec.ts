/**
 * A real first start of the built server on a new, empty embedded database, watched from outside:
 * health is polled every 200 ms with a 1 s limit per request and must always answer in time, in
 * every state (seeding with progress, then ok); requests that need the catalog get 503 with
 * Retry-After while it loads; then a plan comes back. Both ways a first start fills the database
 * are run: loading the snapshot in a child process, and copying the build's prebuilt database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../tests/free-port";
import { PGLITE_NODE_FLAGS } from "../scripts/node-flags.mjs";

test.describe.configure({ mode: "serial" });

interface Poll {
  ms: number;
  status: number;
  body: { status?: string; seeding?: boolean; catalog?: { state?: string; step?: string | null; progress?: string } } | null;
}

async function startServer(env: Record<string, string>): Promise<{ base: string; server: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "stack8s-e2e-first-start-"));
  fs.rmSync(dataDir, { recursive: true }); // a data directory that does not exist yet, as on a fresh clone
  // As scripts/serve.mjs (npm start) runs it.
  const server = spawn(process.execPath, [...PGLITE_NODE_FLAGS, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: "", SUPABASE_DB_URL: "", OPENAI_API_KEY: "", EMBEDDINGS: "none", NEXT_TELEMETRY_DISABLED: "1", PGLITE_DIR: dataDir, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { base: `http://127.0.0.1:${port}`, server, dataDir };
}

/** Poll health until it says ok; every answer after the first must come within 1 s. */
async function pollUntilOk(base: string, limitMs: number, during?: () => Promise<void>): Promise<Poll[]> {
  const polls: Poll[] = [];
  const deadline = Date.now() + limitMs;
  let duringDone = false;
  while (Date.now() < deadline) {
    const t0 = Date.now();
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1_000) });
      const body = (await res.json()) as Poll["body"];
      polls.push({ ms: Date.now() - t0, status: res.status, body });
      if (body?.status === "ok") return polls;
      if (body?.seeding && during && !duringDone) {
        duringDone = true;
        await during();
      }
    } catch (err) {
      // Before the server listens: connection refused. Once it has answered, nothing may fail.
      if (polls.length) polls.push({ ms: Date.now() - t0, status: 0, body: { status: `failed: ${(err as Error).name}` } });
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return polls;
}

async function firstPlan(base: string) {
  const res = await fetch(`${base}/api/v1/chat/start`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message: "Serve Mistral 7B Instruct for a support bot, 10 users, under $1000 a month" }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { response: { type: string; plan?: { compute: unknown[]; models: unknown[] } } };
  expect(body.response.type).toBe("plan");
  expect(body.response.plan!.compute.length).toBeGreaterThan(0);
  expect(body.response.plan!.models.length).toBeGreaterThan(0);
}

for (const mode of [
  { name: "loads the snapshot in a child process", prebuilt: "false", limitMs: 240_000 },
  { name: "copies the build's prebuilt catalog database", prebuilt: "true", limitMs: 60_000 },
]) {
  test(`first start ${mode.name}: health always answers within 1 s, then a plan`, async () => {
    test.setTimeout(mode.limitMs + 60_000);
    const { base, server, dataDir } = await startServer({ CATALOG_PREBUILT: mode.prebuilt });
    try {
      let busy: { status: number; retryAfter: string | null; error: unknown } | null = null;
      const polls = await pollUntilOk(base, mode.limitMs, async () => {
        const res = await fetch(`${base}/api/v1/chat/start`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ message: "Llama 3 8B inference" }),
        });
        busy = { status: res.status, retryAfter: res.headers.get("retry-after"), error: await res.json() };
      });
      const last = polls.at(-1);
      expect(last?.body?.status, JSON.stringify(polls.slice(-3))).toBe("ok");
      const slow = polls.map((p, i) => ({ i, ...p, before: polls[i - 1]?.body })).filter((p) => p.status === 0 || p.ms >= 1_000);
      expect(slow, `of ${polls.length} polls`).toEqual([]);

      const seeding = polls.filter((p) => p.body?.seeding);
      if (mode.prebuilt === "false") {
        // The load takes tens of seconds: it must have been seen, with its progress, and a request
        // for a plan meanwhile was told to come back rather than kept waiting.
        expect(seeding.length).toBeGreaterThan(5);
        expect(seeding.every((p) => p.status === 200 && p.body?.catalog?.state === "seeding" && /^\d+\/\d+$/.test(p.body.catalog.progress ?? ""))).toBe(true);
        const steps = [...new Set(seeding.map((p) => p.body?.catalog?.step))];
        expect(steps.length).toBeGreaterThan(2);
        expect(busy).toMatchObject({ status: 503, retryAfter: "5", error: { error: { code: "unavailable" } } });
      }
      await firstPlan(base);
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
