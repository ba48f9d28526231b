import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPglite } from "@/db/client";
import { writeSnapshot } from "./build/build-snapshot";
import { FIXTURE_UPSTREAM } from "./build/fixture-upstream";
import { catalogState, ensureCatalog, resetCatalogStateForTests } from "./seed";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "seed-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("first-start seeding", () => {
  it("loads the snapshot into an empty database once; a second start does not reload", async () => {
    const snap = path.join(tmp, "snapshot");
    await writeSnapshot(FIXTURE_UPSTREAM, snap);
    const dataDir = path.join(tmp, "pglite");

    resetCatalogStateForTests();
    const h1 = await openPglite(dataDir);
    const first = ensureCatalog(h1, { snapshotDir: snap, autoload: true });
    await first.checked;
    expect(["seeding", "ready"]).toContain(catalogState().phase);
    await first.done;
    expect(catalogState().phase).toBe("ready");
    expect(catalogState().load_ms).toBeGreaterThan(0);
    const n1 = Number((await h1.query<{ n: string }>(sql`SELECT count(*) AS n FROM cloud.instances`))[0].n);
    expect(n1).toBeGreaterThan(0);
    await h1.close();

    resetCatalogStateForTests(); // a new process
    const h2 = await openPglite(dataDir);
    await ensureCatalog(h2, { snapshotDir: snap, autoload: true }).done;
    expect(catalogState().phase).toBe("ready");
    expect(catalogState().load_ms).toBeNull(); // nothing was loaded this time
    const n2 = Number((await h2.query<{ n: string }>(sql`SELECT count(*) AS n FROM cloud.instances`))[0].n);
    expect(n2).toBe(n1);
    await h2.close();
  }, 120_000);

  it("reports an empty catalog when autoload is off", async () => {
    resetCatalogStateForTests();
    const h = await openPglite();
    await ensureCatalog(h, { snapshotDir: path.join(tmp, "nowhere"), autoload: false }).done;
    expect(catalogState().phase).toBe("empty");
    await h.close();
    resetCatalogStateForTests();
  }, 60_000);
});
