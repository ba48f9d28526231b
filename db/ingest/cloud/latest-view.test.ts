import { describe, expect, it } from "vitest";
import { FIXTURE_ROOT } from "./__fixtures__/fixtures";
import { LATEST_VIEW, readCatalogDir } from "./latest-view";

describe("LATEST_VIEW", () => {
  it("lists the 26 latest-view files from SOURCE.md", () => {
    expect(LATEST_VIEW).toHaveLength(26);
    const byVersion = (v: string) => LATEST_VIEW.filter((f) => f.schemaVersion === v).map((f) => f.provider).sort();
    expect(byVersion("v5")).toEqual(["aws", "azure", "gcp", "ibm", "oci", "ovhcloud", "paperspace", "runpod", "scaleway", "scp"]);
    expect(byVersion("v6")).toEqual(["do", "fluidstack"]);
    expect(byVersion("v8")).toHaveLength(14);
    expect(LATEST_VIEW.map((f) => f.path)).not.toContain("v5/lambda/vms.csv");
    expect(LATEST_VIEW.map((f) => f.path)).not.toContain("v5/cudo/vms.csv");
    expect(LATEST_VIEW.map((f) => f.path)).not.toContain("v5/fluidstack/vms.csv");
  });

  it("dates v5 files by last upstream change and v6/v8 as snapshots", () => {
    const asOf = (p: string) => LATEST_VIEW.find((f) => f.provider === p)?.dataAsOf;
    expect(asOf("aws")).toBe("2024-06-13");
    expect(asOf("azure")).toBe("2023-12-08");
    expect(asOf("ibm")).toBe("2023-01-15");
    expect(asOf("do")).toBe("2025-2026 (v6 snapshot)");
    expect(asOf("lambda")).toBe("2025-2026 (v8 snapshot)");
  });

  it("overlays the v8-gpu copies on aws and gcp only (azure has no newer file)", () => {
    const overlays = LATEST_VIEW.filter((f) => f.overlay).map((f) => [f.provider, f.overlay!.path, f.overlay!.dataAsOf]);
    expect(overlays).toEqual([
      ["aws", "v8-gpu/aws/vms.csv", "2025-2026 (v8 snapshot)"],
      ["gcp", "v8-gpu/gcp/vms.csv", "2025-2026 (v8 snapshot)"],
    ]);
  });
});

describe("readCatalogDir", () => {
  it("reads every latest-view file present under a catalog-shaped directory", async () => {
    const rows = await readCatalogDir(FIXTURE_ROOT, { skipMissing: true });
    const providers = new Set(rows.map((r) => r.provider));
    expect([...providers].sort()).toEqual([
      "aws", "azure", "cudo", "gcp", "hyperstack", "lambda", "primeintellect", "runpod",
      "scaleway", "seeweb", "shadeform", "vast", "verda",
    ]);
    expect(providers.has("mithril")).toBe(false);
    expect(rows.find((r) => r.provider === "verda")?.source).toBe("skypilot-catalog v8/verda/vms.csv");
    // Unique key of cloud.instances.
    const keys = rows.map((r) => `${r.provider}|${r.instanceType}|${r.region}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("throws on a missing file unless skipMissing is set", async () => {
    await expect(readCatalogDir(FIXTURE_ROOT)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
