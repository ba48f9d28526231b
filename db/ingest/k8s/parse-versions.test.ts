import { describe, expect, it } from "vitest";
import { readFixture } from "../test-fixtures";
import { parseChartLine } from "./parse-charts";
import { dedupeVersions, parseVersionLine, versionKey } from "./parse-versions";

const charts = readFixture(new URL("./__fixtures__/charts.jsonl", import.meta.url)).map(parseChartLine);
const rawVersions = readFixture(new URL("./__fixtures__/chart_versions.jsonl", import.meta.url));
const versions = rawVersions.map(parseVersionLine);

describe("parseVersionLine", () => {
  it("maps fields; deprecated defaults to false", () => {
    const v = versions.find((r) => r.name === "kuberay-operator" && r.version === "1.7.0")!;
    expect(v).toEqual({
      repository: "kuberay",
      name: "kuberay-operator",
      version: "1.7.0",
      appVersion: null,
      created: "2026-08-20T04:45:03Z",
      digest: null,
      deprecated: false,
      source: "git-tag:v1.7.0",
    });
  });

  it("keeps an upstream deprecated flag (grafana 5.5.6)", () => {
    const v = versions.find((r) => r.name === "grafana")!;
    expect(v).toMatchObject({ version: "5.5.6", deprecated: true, source: "index.yaml" });
  });

  it("Triton rows are named like their chart rows, so (repository, name) joins", () => {
    const triton = versions.filter((r) => r.repository === "triton-inference-server");
    expect(triton.map((r) => r.name).sort()).toEqual([
      "triton-inference-server-aws",
      "triton-inference-server-fleetcommand",
      "triton-inference-server-fleetcommand",
      "triton-inference-server-fleetcommand",
      "triton-inference-server-fleetcommand",
      "triton-inference-server-fleetcommand",
      "triton-inference-server-gcp",
      "triton-inference-server-k8s-onprem",
      "triton-inference-server-oci",
    ]);
    for (const id of ["triton-inference-server/aws", "triton-inference-server/fleetcommand"]) {
      const c = charts.find((x) => x.id === id)!;
      const vs = triton.filter((v) => v.repository === c.repository && v.name === c.name);
      expect(vs).toHaveLength(c.versionsCount!);
      expect(vs.map((v) => v.version)).toContain(c.version);
    }
  });
});

describe("dedupeVersions", () => {
  it("collapses ingress-nginx 4.12.0-beta.0 (×9 in index.yaml) to the newest entry", () => {
    const out = dedupeVersions(versions);
    const beta = out.filter((r) => r.name === "ingress-nginx" && r.version === "4.12.0-beta.0");
    expect(beta).toHaveLength(1);
    expect(beta[0].created).toBe("2024-12-21T22:40:22Z");
    expect(beta[0].digest).toBe("7e09796507db63b156a6f34cec1bca094f617417625ce2b0598dd3d36b86f6ed");
  });

  it("keeps the four Triton 1.0.0 rows apart once names are mapped; keys are unique", () => {
    const out = dedupeVersions(versions);
    expect(out.filter((r) => r.repository === "triton-inference-server" && r.version === "1.0.0")).toHaveLength(4);
    expect(new Set(out.map(versionKey)).size).toBe(out.length);
    expect(out).toHaveLength(rawVersions.length - 8);
  });
});
