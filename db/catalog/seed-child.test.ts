import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPglite } from "@/db/client";
import { writeSnapshot } from "./build/build-snapshot";
import { FIXTURE_UPSTREAM } from "./build/fixture-upstream";
import { catalogState, embeddedSeedingInProgress, resetCatalogStateForTests, seedEmbeddedCatalog } from "./seed";
import { CHILD_NODE_FLAGS, runSeedChildProcess, seedChildCommand } from "./seed-process";
import { hasSeedMarker, parseSeedMessage, SEED_MARKER, templateKey, TEMPLATE_INFO } from "./seed-protocol";
import { copyCatalogTemplate, templateDir } from "./template";
import { MIGRATIONS_FOLDER } from "@/db/client";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "seed-child-test-"));
const snap = path.join(tmp, "snapshot");
const root = process.cwd();

beforeAll(async () => {
  await writeSnapshot(FIXTURE_UPSTREAM, snap);
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function instanceCount(dataDir: string): Promise<number> {
  const h = await openPglite(dataDir);
  try {
    return Number((await h.query<{ n: string }>(sql`SELECT count(*) AS n FROM cloud.instances`))[0].n);
  } finally {
    await h.close();
  }
}

describe("seeding protocol", () => {
  it("parses the child's messages and ignores anything else", () => {
    expect(parseSeedMessage('{"type":"progress","step":"models","done":2,"total":6}')).toEqual({ type: "progress", step: "models", done: 2, total: 6 });
    expect(parseSeedMessage('{"type":"error","message":"boom"}')).toEqual({ type: "error", message: "boom" });
    expect(parseSeedMessage("[catalog] a log line")).toBeNull();
    expect(parseSeedMessage('{"type":"other"}')).toBeNull();
    expect(parseSeedMessage("{not json")).toBeNull();
  });

  it("keys a prebuilt database by the snapshot manifest and the migrations", () => {
    const a = templateKey(snap, MIGRATIONS_FOLDER);
    expect(templateKey(snap, MIGRATIONS_FOLDER)).toBe(a);
    const other = path.join(tmp, "snapshot-other");
    fs.cpSync(snap, other, { recursive: true });
    fs.appendFileSync(path.join(other, "manifest.json"), " ");
    expect(templateKey(other, MIGRATIONS_FOLDER)).not.toBe(a);
  });
});

describe("the seeding child process", () => {
  it("reports progress and a failure exit, never rejecting", async () => {
    const script = `
      console.log(JSON.stringify({ type: "progress", step: "instances", done: 0, total: 6 }));
      console.log("a stray log line");
      console.log(JSON.stringify({ type: "error", message: "snapshot is corrupt" }));
      process.exit(1);`;
    const seen: string[] = [];
    const r = await runSeedChildProcess({ form: "bundle", command: process.execPath, args: ["-e", script] }, (m) => seen.push(m.step), root);
    expect(seen).toEqual(["instances"]);
    expect(r).toMatchObject({ ok: false, error: "snapshot is corrupt" });
  });

  it("names the exit code of a child that dies without a word", async () => {
    const r = await runSeedChildProcess({ form: "bundle", command: process.execPath, args: ["-e", "process.exit(3)"] }, () => {}, root);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/code 3/);
  });

  it("is started with a bounded heap and lazy WebAssembly compilation, from the bundle or the TypeScript source", () => {
    const cmd = seedChildCommand(root, "/tmp/x", snap)!;
    expect(cmd).not.toBeNull();
    expect(cmd.args).toEqual(expect.arrayContaining(CHILD_NODE_FLAGS));
    expect(cmd.args.slice(-2)).toEqual(["/tmp/x", snap]);
    expect(seedChildCommand(tmp, "/tmp/x", snap)).toBeNull(); // no build/ and no node_modules there
  });

  it("loads an empty data directory in a child, with progress, and marks it loaded", async () => {
    resetCatalogStateForTests();
    const dataDir = path.join(tmp, "pglite-child");
    const phases = new Set<string>();
    const poll = setInterval(() => {
      const s = catalogState();
      phases.add(`${s.phase}${embeddedSeedingInProgress() ? "+child" : ""}`);
    }, 20);
    await seedEmbeddedCatalog({ dataDir, snapshotDir: snap, autoload: true, prebuilt: false, root });
    clearInterval(poll);
    expect(phases.has("seeding+child")).toBe(true);
    expect(catalogState()).toMatchObject({ phase: "ready", error: null });
    expect(catalogState().load_ms).toBeGreaterThan(0);
    expect(hasSeedMarker(dataDir)).toBe(true);
    expect(await instanceCount(dataDir)).toBeGreaterThan(0);

    // A new process: the marker says it is loaded, so no child runs and nothing changes.
    resetCatalogStateForTests();
    await seedEmbeddedCatalog({ dataDir, snapshotDir: snap, autoload: true, prebuilt: false, root });
    expect(catalogState().phase).toBe("unknown");
    resetCatalogStateForTests();
  }, 120_000);

  it("reports a failed load as an error state with the reason", async () => {
    resetCatalogStateForTests();
    const broken = path.join(tmp, "snapshot-broken");
    fs.cpSync(snap, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, "instances.jsonl.gz"), "not gzip");
    const dataDir = path.join(tmp, "pglite-broken");
    await seedEmbeddedCatalog({ dataDir, snapshotDir: broken, autoload: true, prebuilt: false, root });
    expect(catalogState().phase).toBe("error");
    expect(catalogState().error).toMatch(/header|gzip|incorrect/i);
    expect(hasSeedMarker(dataDir)).toBe(false);
    resetCatalogStateForTests();
  }, 120_000);
});

describe("the prebuilt catalog database (build/pglite-template)", () => {
  const fakeRoot = path.join(tmp, "root");
  const dataDirOf = (name: string) => path.join(tmp, name);

  beforeAll(() => {
    // A template made the way the build makes it: a loaded data dir plus template.json with the key.
    const src = dataDirOf("pglite-child");
    const t = templateDir(fakeRoot);
    fs.mkdirSync(t, { recursive: true });
    fs.cpSync(src, path.join(t, "data"), { recursive: true });
    fs.rmSync(path.join(t, "data", SEED_MARKER), { force: true });
    fs.writeFileSync(path.join(t, TEMPLATE_INFO), JSON.stringify({ key: templateKey(snap, MIGRATIONS_FOLDER) }));
  });

  it("is copied into a new data directory when it matches the snapshot and migrations", async () => {
    const dataDir = dataDirOf("pglite-copy");
    expect(await copyCatalogTemplate(fakeRoot, dataDir, snap)).toBe(true);
    expect(hasSeedMarker(dataDir)).toBe(true);
    expect(await instanceCount(dataDir)).toBe(await instanceCount(dataDirOf("pglite-child")));
  }, 60_000);

  it("is not used when it was built from another snapshot, or the directory already holds data", async () => {
    const other = path.join(tmp, "snapshot-newer");
    fs.cpSync(snap, other, { recursive: true });
    fs.appendFileSync(path.join(other, "manifest.json"), "\n");
    expect(await copyCatalogTemplate(fakeRoot, dataDirOf("pglite-stale"), other)).toBe(false);
    expect(fs.existsSync(dataDirOf("pglite-stale"))).toBe(false);

    const busy = dataDirOf("pglite-busy");
    fs.mkdirSync(busy, { recursive: true });
    fs.writeFileSync(path.join(busy, "PG_VERSION"), "18\n");
    expect(await copyCatalogTemplate(fakeRoot, busy, snap)).toBe(false);
    expect(fs.readdirSync(busy)).toEqual(["PG_VERSION"]);
  });

  it("makes the first start a copy: ready without a child", async () => {
    resetCatalogStateForTests();
    const dataDir = dataDirOf("pglite-first-start");
    await seedEmbeddedCatalog({ dataDir, snapshotDir: snap, autoload: true, prebuilt: true, root: fakeRoot });
    expect(catalogState()).toMatchObject({ phase: "ready", step: null });
    expect(await instanceCount(dataDir)).toBeGreaterThan(0);
    resetCatalogStateForTests();
  }, 60_000);
});
