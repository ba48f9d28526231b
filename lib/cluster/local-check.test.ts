import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import YAML from "yaml";
import { closedPort, FORBIDDEN_TOKEN, startFakeApi, startSilentServer, writeKubeconfig, type FakeApiServer } from "./__fixtures__/fake-api-server";
import { localCheck } from "./local-check";

const TOKEN = "test-token-123";
let tmp: string;
let api: FakeApiServer;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "s8-kube-"));
  api = await startFakeApi({ tokens: [TOKEN] });
});
afterAll(async () => {
  await api.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("localCheck against a fake API server", () => {
  it("reports nodes, free GPUs, products and whether a workload fits", async () => {
    const kc = writeKubeconfig(tmp, "token.yaml", api.base, { token: TOKEN });
    const r = await localCheck({ kubeconfigPath: kc, requiredGpus: 2, requiredGpuMemoryGb: 80 });
    expect(r).toMatchObject({ connected: true, context: "lab", server: api.base, total_free_gpus: 6, fits: true });
    expect(r.nodes?.map((n) => [n.name, n.gpu_product, n.gpu_memory_gb, n.allocatable_gpus, n.requested_gpus, n.free_gpus])).toEqual([
      ["gpu-a100-0", "NVIDIA-A100-SXM4-80GB", 80, 8, 6, 2],
      ["gpu-l4-0", "NVIDIA-L4", 22.5, 4, 0, 4],
      ["cpu-0", null, null, 0, 0, 0],
    ]);
    expect(r.message).toBe("connected to lab: 3 nodes (2 with GPUs), 6 GPUs free; 2× GPU with ≥80 GiB fits on one node");
    // The pods list asks the API server for active pods only.
    const podsUrl = api.seen.map((s) => new URL(s.url, "http://x")).find((u) => u.pathname === "/api/v1/pods");
    expect(podsUrl?.searchParams.get("fieldSelector")).toBe("status.phase!=Succeeded,status.phase!=Failed");

    expect((await localCheck({ kubeconfigPath: kc, requiredGpus: 4, requiredGpuMemoryGb: 40 })).fits).toBe(false);
    expect((await localCheck({ kubeconfigPath: kc, requiredGpus: 4, requiredGpuMemoryGb: 16 })).fits).toBe(true);
    expect((await localCheck({ kubeconfigPath: kc })).fits).toBeNull();
  });

  it("reports rejected credentials with the API server's status and message", async () => {
    const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "bad.yaml", api.base, { token: "wrong" }) });
    expect(r).toMatchObject({ connected: false, context: "lab", server: api.base });
    expect(r.message).toBe(`not connected: ${api.base}: the API server returned 401: Unauthorized (credentials rejected)`);
    const viewer = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "viewer.yaml", api.base, { token: FORBIDDEN_TOKEN }) });
    expect(viewer.message).toBe(
      `not connected: ${api.base}: the API server returned 403: nodes is forbidden: User "jane@example.com" cannot list resource "nodes" in API group "" at the cluster scope`,
    );
  });

  it("merges KUBECONFIG files like kubectl: the first file's current-context and names win", async () => {
    // a.yaml only picks the context; b.yaml defines it; c.yaml redefines the user with a wrong token.
    const a = path.join(tmp, "a.yaml");
    fs.writeFileSync(a, YAML.stringify({ apiVersion: "v1", kind: "Config", "current-context": "lab" }));
    const b = writeKubeconfig(tmp, "b.yaml", api.base, { token: TOKEN });
    const c = writeKubeconfig(tmp, "c.yaml", api.base, { token: "stale" });
    const r = await localCheck({ kubeconfigPath: [a, b, c].join(path.delimiter) });
    expect(r).toMatchObject({ connected: true, context: "lab", total_free_gpus: 6 });
    const swapped = await localCheck({ kubeconfigPath: [a, c, b].join(path.delimiter) });
    expect(swapped.message).toMatch(/401/);
  });

  it("names a kubeconfig without a usable context", async () => {
    const none = path.join(tmp, "nocontext.yaml");
    fs.writeFileSync(none, YAML.stringify({ apiVersion: "v1", kind: "Config", clusters: [] }));
    expect((await localCheck({ kubeconfigPath: none })).message).toBe("not connected: kubeconfig has no current context");
    const broken = path.join(tmp, "broken.yaml");
    fs.writeFileSync(broken, "clusters: [ {");
    expect((await localCheck({ kubeconfigPath: broken })).message).toMatch(/^not connected: cannot read kubeconfig: /);
  });

  it("refuses plain http unless the cluster entry sets insecure-skip-tls-verify", async () => {
    const r = await localCheck({
      kubeconfigPath: writeKubeconfig(tmp, "plain.yaml", api.base, { token: TOKEN }, { "insecure-skip-tls-verify": false }),
    });
    expect(r.connected).toBe(false);
    expect(r.message).toMatch(/HTTP protocol is not allowed/);
  });
});

describe("localCheck without a cluster", () => {
  it("says so at once when there is no kubeconfig", async () => {
    vi.stubEnv("KUBERNETES_SERVICE_HOST", undefined);
    const home = fs.mkdtempSync(path.join(tmp, "home-"));
    const t0 = performance.now();
    expect(await localCheck({ homeDir: home })).toEqual({
      connected: false, message: "not connected: no kubeconfig found (set KUBECONFIG)",
    });
    const missing = path.join(tmp, "nope.yaml");
    expect((await localCheck({ kubeconfigPath: missing })).message).toBe(
      `not connected: no kubeconfig found at ${missing} (set KUBECONFIG)`,
    );
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it("fails fast when the server is unreachable", async () => {
    const port = await closedPort();
    const t0 = Date.now();
    const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "down.yaml", `http://127.0.0.1:${port}`, { token: TOKEN }) });
    expect(r.connected).toBe(false);
    expect(r.message).toBe(`not connected: http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it("gives up after timeoutMs when the server does not answer", async () => {
    const silent = await startSilentServer();
    try {
      const t0 = Date.now();
      const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "slow.yaml", silent.base, { token: TOKEN }), timeoutMs: 200 });
      expect(r).toMatchObject({ connected: false, message: `not connected: ${silent.base}: no answer within 200 ms` });
      expect(Date.now() - t0).toBeLessThan(1500);
    } finally {
      silent.close();
    }
  });
});
