// A real first start, measured as a new user meets it (`npm run bench -- --only first-start`):
//   1. a fresh clone of this repository's HEAD in a temporary directory;
//   2. `npm ci` on the warm npm cache (the install alone: STACK8S_SKIP_BUILD=1), timed;
//   3. the production build that `npm install` runs as its postinstall step (scripts/build.mjs), timed;
//   4. `npm start` with a fresh embedded database: health is polled every 250 ms (each answer's
//      latency kept) until it says ok, then the first plan is asked for over the JSON API.
// Resident memory is summed over the whole process tree (npm and everything it spawns) every 100 ms
// from /proc, separately for the build and for `npm start`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { table } from "./lib";
import { freePort } from "../tests/free-port";

export interface FirstStartReport {
  commit: string;
  installS: number;
  buildS: number;
  buildPeakMB: number;
  startToHealthOkS: number;
  startToFirstPlanS: number;
  totalS: number;
  totalWithoutInstallS: number;
  startPeakMB: number;
  startPeakProcesses: string;
  healthPolls: number;
  healthMaxMs: number;
  healthStates: string[];
  firstPlanTitle: string;
}

/** Resident set size, in bytes, of `root` and all its descendants (Linux /proc). */
export function treeRss(root: number): { bytes: number; procs: { pid: number; name: string; mb: number }[] } {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      names.set(Number(d), stat.slice(stat.indexOf("(") + 1, close));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // the process ended while we looked
    }
  }
  const procs: { pid: number; name: string; mb: number }[] = [];
  let bytes = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      const b = m ? Number(m[1]) * 1024 : 0;
      bytes += b;
      procs.push({ pid, name: names.get(pid) ?? "?", mb: Math.round(b / 1e6) });
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { bytes, procs };
}

class PeakSampler {
  peak = 0;
  peakProcs = "";
  private timer: NodeJS.Timeout;
  constructor(pid: number) {
    this.timer = setInterval(() => {
      const r = treeRss(pid);
      if (r.bytes > this.peak) {
        this.peak = r.bytes;
        this.peakProcs = r.procs.map((p) => `${p.name} ${p.mb}`).join(", ");
      }
    }, 100);
  }
  stop() {
    clearInterval(this.timer);
    return Math.round(this.peak / 1e6);
  }
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; s: number; peakMB: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
    const sampler = new PeakSampler(child.pid!);
    child.on("close", (code) => resolve({ code: code ?? 1, s: (performance.now() - t0) / 1000, peakMB: sampler.stop() }));
  });
}

async function timedFetch(url: string, init: RequestInit = {}, timeoutMs = 5_000) {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  return { status: res.status, body, ms: performance.now() - t0 };
}

function killTree(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Clone HEAD, install, build and start it; see the header comment. `message` is the first request. */
export async function benchFirstStart(opts: { message: string; ref?: string; keep?: boolean }): Promise<FirstStartReport> {
  const repo = process.cwd();
  const commit = spawnSync("git", ["rev-parse", "--short", opts.ref ?? "HEAD"], { cwd: repo, encoding: "utf8" }).stdout.trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack8s-first-start-"));
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "", DATABASE_URL: "", SUPABASE_DB_URL: "", OPENAI_API_KEY: "", EMBEDDINGS: "none" };
  delete env.EMBEDDING_MODEL_DIR;
  try {
    const clone = spawnSync("git", ["clone", "--quiet", "--no-hardlinks", repo, dir], { encoding: "utf8" });
    if (clone.status !== 0) throw new Error(`git clone failed: ${clone.stderr}`);
    if (opts.ref) spawnSync("git", ["checkout", "--quiet", opts.ref], { cwd: dir });
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const install = await run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], dir, { ...env, STACK8S_SKIP_BUILD: "1" });
    if (install.code !== 0) throw new Error("npm ci failed");
    // Commits before scripts/build.mjs built inside npm start: then this step is empty and the build
    // is part of "start → first plan".
    const hasBuildStep = fs.existsSync(path.join(dir, "scripts", "build.mjs"));
    const build = hasBuildStep ? await run(process.execPath, ["scripts/build.mjs"], dir, env) : { code: 0, s: 0, peakMB: 0 };
    if (build.code !== 0) throw new Error("build failed");

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const t0 = performance.now();
    const server = spawn(npm, ["start"], { cwd: dir, env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"], detached: true });
    const sampler = new PeakSampler(server.pid!);
    const healthMs: number[] = [];
    const states = new Set<string>();
    let healthOk = NaN;
    let firstPlan = NaN;
    let title = "";
    let startPeakMB = 0;
    try {
      const deadline = t0 + 300_000;
      while (performance.now() < deadline && Number.isNaN(healthOk)) {
        const r = await timedFetch(`${base}/api/health`, {}, 5_000).catch(() => null);
        if (r) {
          healthMs.push(r.ms);
          const cat = (r.body?.catalog ?? {}) as { state?: string; step?: string };
          states.add(`${r.status} ${r.body?.status}/${cat.state}${cat.step ? `:${cat.step}` : ""}`);
          if (r.status === 200 && r.body?.status === "ok") healthOk = (performance.now() - t0) / 1000;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      if (Number.isNaN(healthOk)) throw new Error("health never said ok within 300 s");
      for (let i = 0; i < 60 && Number.isNaN(firstPlan); i++) {
        const r = await timedFetch(`${base}/api/v1/chat/start`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ message: opts.message }),
        }, 30_000);
        if (r.status === 201) {
          firstPlan = (performance.now() - t0) / 1000;
          const resp = (r.body as { response?: { type?: string; plan?: { compute?: { provider: string; instance_type: string }[] } } })?.response;
          const top = resp?.plan?.compute?.[0];
          title = resp?.type === "plan" ? `a plan; first option ${top ? `${top.provider} ${top.instance_type}` : "none"}` : `a ${resp?.type ?? "?"}`;
        } else await new Promise((res) => setTimeout(res, 500));
      }
    } finally {
      startPeakMB = sampler.stop();
      killTree(server);
      await new Promise((r) => setTimeout(r, 500));
    }
    return {
      commit,
      installS: install.s,
      buildS: build.s,
      buildPeakMB: build.peakMB,
      startToHealthOkS: healthOk,
      startToFirstPlanS: firstPlan,
      totalS: install.s + build.s + firstPlan,
      totalWithoutInstallS: build.s + firstPlan,
      startPeakMB,
      startPeakProcesses: sampler.peakProcs,
      healthPolls: healthMs.length,
      healthMaxMs: Math.max(...healthMs),
      healthStates: [...states],
      firstPlanTitle: title,
    };
  } finally {
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatFirstStart(r: FirstStartReport): string {
  const s = (x: number) => x.toFixed(1);
  return [
    "### First start (fresh clone)",
    "",
    table(
      ["commit", "npm ci s", "build s", "start → health ok s", "start → first plan s", "total s", "total without npm ci s", "build peak MB", "npm start peak MB", "health polls", "slowest health ms"],
      [[r.commit, s(r.installS), s(r.buildS), s(r.startToHealthOkS), s(r.startToFirstPlanS), s(r.totalS), s(r.totalWithoutInstallS), String(r.buildPeakMB), String(r.startPeakMB), String(r.healthPolls), r.healthMaxMs.toFixed(0)]],
    ),
    "",
    `At the memory peak of npm start (MB per process): ${r.startPeakProcesses}`,
    `Health states seen: ${r.healthStates.join("; ")}`,
    `First plan: ${r.firstPlanTitle}`,
  ].join("\n");
}
