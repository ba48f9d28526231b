import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPglite, type DbHandle } from "@/db/client";
import { loadCatalogSnapshot } from "@/db/catalog/load";
import { readManifest } from "@/db/catalog/snapshot-files";
import { getMeta } from "@/db/queries/meta";
import { writeSnapshot } from "./build-snapshot";
import { FIXTURE_UPSTREAM as fixtures } from "./fixture-upstream";


const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-test-"));
const dirA = path.join(tmp, "a");
const dirB = path.join(tmp, "b");
let h: DbHandle;

beforeAll(async () => {
  await writeSnapshot(fixtures, dirA);
  await writeSnapshot(fixtures, dirB);
  h = await openPglite();
}, 120_000);

afterAll(async () => {
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const count = async (table: string) => Number((await h.query<{ n: string }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0].n);

describe("catalog snapshot from upstream-format files", () => {
  it("is reproducible byte for byte", () => {
    for (const f of fs.readdirSync(dirA)) expect(fs.readFileSync(path.join(dirB, f)).equals(fs.readFileSync(path.join(dirA, f))), f).toBe(true);
    const m = readManifest(dirA);
    expect(m.counts.instances).toBeGreaterThan(10);
    expect(m.counts.packages).toBeGreaterThan(5);
    expect(m.counts.models).toBeGreaterThan(5);
    expect(m.counts.cards).toBeGreaterThan(3);
  });

  it("loads into an empty database with the manifest's counts, cards chunked, provenance recorded", async () => {
    const r = await loadCatalogSnapshot(h, dirA);
    const m = readManifest(dirA);
    expect(await count("cloud.instances")).toBe(m.counts.instances);
    expect(await count("cloud.k8s_packages")).toBe(m.counts.packages);
    expect(await count("cloud.k8s_package_versions")).toBe(m.counts.packageVersions);
    expect(await count("hf.models")).toBe(m.counts.models);
    expect(await count("hf.card_canon")).toBe(m.counts.cards);
    expect(await count("hf.card_chunks")).toBeGreaterThanOrEqual(m.counts.cards);
    expect(r.counts.card_chunks).toBe(await count("hf.card_chunks"));
    const meta = await getMeta<{ sha256: Record<string, string>; sources: unknown[] }>(h.db, "catalog");
    expect(meta?.sha256).toEqual(m.sha256);
    expect(meta?.sources.length).toBeGreaterThan(0);
  });

  it("a failed reload leaves the previous catalog intact", async () => {
    const before = await count("cloud.instances");
    const broken = path.join(tmp, "broken");
    fs.cpSync(dirA, broken, { recursive: true });
    // A row that violates the schema (NOT NULL provider) after good tables were already copied.
    const bad = zlib.gzipSync(Buffer.from(JSON.stringify({ id: "x/y", repository: null, name: null, version: "1" }) + "\n"));
    fs.writeFileSync(path.join(broken, "k8s_packages.jsonl.gz"), bad);
    await expect(loadCatalogSnapshot(h, broken)).rejects.toThrow();
    expect(await count("cloud.instances")).toBe(before);
    expect(await count("cloud.k8s_packages")).toBe(readManifest(dirA).counts.packages);
  });

  it("loads twice without duplicating rows", async () => {
    await loadCatalogSnapshot(h, dirA);
    expect(await count("cloud.instances")).toBe(readManifest(dirA).counts.instances);
  });
});
