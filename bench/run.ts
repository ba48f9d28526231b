// npm run bench -- [--db pglite|postgres|both] [--dir <pglite dir>] [--url <postgres url>]
//                  [--only tools,pipeline,seed,cluster] [--tools compute,k8s,hf] [--iterations N] [--warmup N]
//                  [--json out.json] [--seed-dir <empty dir to keep>] [--quiet]
//
// Tool latency (SQL next to an in-memory scan of the same rows), the offline pipeline (cold and
// warm), first-start seeding, and the local cluster check per login method; see docs/BENCHMARKS.md. PGlite uses --dir (default $PGLITE_DIR or
// .data/pglite; the snapshot is loaded into it first when missing — do not point it at a dir a
// server has open); PostgreSQL uses --url or DATABASE_URL. Seeding always uses a fresh PGlite temp
// dir (or --seed-dir) and a fresh database created on the PostgreSQL server and dropped afterwards.
import { fail, scriptArgs, scriptConfig } from "../scripts/cli";
import fs from "node:fs";
import type { DbKind } from "@/db/client";
import { loadAverage, machine, openBenchDb, type BenchOptions } from "./lib";
import type { ToolReport } from "./tools";
import type { PipelineReport } from "./pipeline";
import type { SeedReport } from "./seed";
import type { FirstStartReport } from "./first-start";
import type { ClusterCase } from "./cluster";

const NAME = "bench";
scriptConfig(NAME);
const values = scriptArgs(
  NAME,
  {
    db: { type: "string", default: "pglite" },
    dir: { type: "string" },
    url: { type: "string" },
    only: { type: "string", default: "tools,pipeline,seed,cluster" },
    tools: { type: "string" },
    iterations: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    json: { type: "string" },
    "seed-dir": { type: "string" },
    quiet: { type: "boolean", default: false },
    ref: { type: "string" },
  },
  "npm run bench -- [--db pglite|postgres|both] [--dir D] [--url U] [--only tools,pipeline,seed,cluster,first-start] [--ref COMMIT] [--json F]",
);

const kinds: DbKind[] = values.db === "both" ? ["pglite", "postgres"] : [values.db as DbKind];
if (!kinds.every((k) => k === "pglite" || k === "postgres")) fail(NAME, `--db must be pglite, postgres or both (got ${values.db})`);
const only = new Set(values.only!.split(",").map((s) => s.trim()));
const opts: BenchOptions & { tools?: string[] } = {
  iterations: Number(values.iterations),
  warmup: Number(values.warmup),
  verbose: !values.quiet,
  tools: values.tools?.split(",").map((s) => s.trim()),
};

const started = new Date();
console.log(`# Stack8s benchmarks — ${started.toISOString()}`);
console.log(`machine: ${machine()}`);
console.log(`load average at start (1/5/15 min): ${loadAverage()}`);
console.log(`iterations ${opts.iterations}, warm-up ${opts.warmup}\n`);

const result: {
  started: string;
  machine: string;
  load: { start: string; end?: string };
  tools: Record<string, ToolReport[]>;
  pipeline: Record<string, PipelineReport>;
  seed: SeedReport[];
  cluster: ClusterCase[];
  firstStart?: FirstStartReport;
} = { started: started.toISOString(), machine: machine(), load: { start: loadAverage() }, tools: {}, pipeline: {}, seed: [], cluster: [] };

for (const kind of kinds) {
  if (!only.has("tools") && !only.has("pipeline")) break;
  const h = await openBenchDb(kind, { dir: values.dir, url: values.url });
  try {
    if (only.has("tools")) {
      const { benchTools, formatToolReports } = await import("./tools");
      const r = await benchTools(h, opts);
      result.tools[kind] = r;
      console.log(formatToolReports(kind, r, opts.verbose), `\n\n(load average now: ${loadAverage()})\n`);
    }
    if (only.has("pipeline")) {
      const { benchPipeline, formatPipelineReport } = await import("./pipeline");
      const r = await benchPipeline(h, opts);
      result.pipeline[kind] = r;
      console.log(formatPipelineReport(kind, r, opts.verbose), `\n\n(load average now: ${loadAverage()})\n`);
    }
  } finally {
    await h.close();
  }
}

if (only.has("seed")) {
  const { benchSeedPglite, benchSeedPostgres, formatSeedReports } = await import("./seed");
  for (const kind of kinds) {
    if (kind === "pglite") result.seed.push(await benchSeedPglite({ keep: values["seed-dir"] }));
    else {
      const url = values.url ?? process.env.DATABASE_URL ?? process.env.SUPABASE_DB_URL;
      if (!url) throw new Error("seeding Postgres needs DATABASE_URL");
      result.seed.push(await benchSeedPostgres(url));
    }
    console.log(formatSeedReports(result.seed.slice(-1)), `\n\n(load average now: ${loadAverage()})\n`);
  }
}

if (only.has("cluster")) {
  const { benchCluster, formatClusterReport } = await import("./cluster");
  result.cluster = await benchCluster(opts);
  console.log(formatClusterReport(result.cluster), `\n\n(load average now: ${loadAverage()})\n`);
}

if (only.has("first-start")) {
  const { benchFirstStart, formatFirstStart } = await import("./first-start");
  const r = await benchFirstStart({ ref: values.ref, message: "Serve Mistral 7B Instruct for a support bot, 10 users, under $1000 a month" });
  result.firstStart = r;
  console.log(formatFirstStart(r), `\n\n(load average now: ${loadAverage()})\n`);
}

result.load.end = loadAverage();
console.log(`load average at end (1/5/15 min): ${result.load.end}`);
if (values.json) fs.writeFileSync(values.json, JSON.stringify(result, null, 2));
