import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { localCheck } from "./local-check";

const FIX = path.join(import.meta.dirname, "__fixtures__");
const NODES = fs.readFileSync(path.join(FIX, "nodes.json"));
const PODS = fs.readFileSync(path.join(FIX, "pods.json"));
const TOKEN = "test-token-123";

let tmp: string;
const seen: string[] = [];

/** Fake API server: serves the recorded lists to requests that pass `authorized`. */
function handler(authorized: (req: http.IncomingMessage) => boolean): http.RequestListener {
  return (req, res) => {
    seen.push(req.url ?? "");
    if (!authorized(req)) {
      res.writeHead(401, { "content-type": "application/json" });
      return res.end(JSON.stringify({ kind: "Status", message: "Unauthorized", code: 401 }));
    }
    const url = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", "application/json");
    if (url.pathname === "/api/v1/nodes") return res.end(NODES);
    if (url.pathname === "/api/v1/pods" && url.searchParams.get("fieldSelector") === "status.phase!=Succeeded,status.phase!=Failed") {
      return res.end(PODS);
    }
    res.writeHead(404).end("{}");
  };
}

function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function kubeconfig(file: string, server: string, user: Record<string, unknown>, cluster: Record<string, unknown> = {}) {
  const doc = {
    apiVersion: "v1", kind: "Config", "current-context": "lab",
    clusters: [{ name: "lab-cluster", cluster: { server, ...cluster } }],
    users: [{ name: "lab-user", user }],
    contexts: [{ name: "lab", context: { cluster: "lab-cluster", user: "lab-user" } }],
  };
  const p = path.join(tmp, file);
  fs.writeFileSync(p, YAML.stringify(doc));
  return p;
}

const servers: (http.Server | https.Server)[] = [];
let base: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "s8-kube-"));
  const s = http.createServer(handler((req) => req.headers.authorization === `Bearer ${TOKEN}`));
  servers.push(s);
  base = `http://127.0.0.1:${await listen(s)}`;
});
afterAll(() => {
  for (const s of servers) s.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("localCheck against a fake API server", () => {
  it("reports nodes, free GPUs, products and whether a workload fits", async () => {
    const kc = kubeconfig("token.yaml", base, { token: TOKEN });
    const r = await localCheck({ kubeconfigPath: kc, requiredGpus: 2, requiredGpuMemoryGb: 80 });
    expect(r).toMatchObject({ connected: true, context: "lab", server: base, total_free_gpus: 6, fits: true });
    expect(r.nodes?.map((n) => [n.name, n.gpu_product, n.gpu_memory_gb, n.allocatable_gpus, n.requested_gpus, n.free_gpus])).toEqual([
      ["gpu-a100-0", "NVIDIA-A100-SXM4-80GB", 80, 8, 6, 2],
      ["gpu-l4-0", "NVIDIA-L4", 22.5, 4, 0, 4],
      ["cpu-0", null, null, 0, 0, 0],
    ]);
    expect(r.message).toBe("connected to lab: 3 nodes (2 with GPUs), 6 GPUs free; 2× GPU with ≥80 GiB fits on one node");
    expect(seen).toContain("/api/v1/pods?fieldSelector=status.phase!%3DSucceeded%2Cstatus.phase!%3DFailed");

    expect((await localCheck({ kubeconfigPath: kc, requiredGpus: 4, requiredGpuMemoryGb: 40 })).fits).toBe(false);
    expect((await localCheck({ kubeconfigPath: kc, requiredGpus: 4, requiredGpuMemoryGb: 16 })).fits).toBe(true);
    expect((await localCheck({ kubeconfigPath: kc })).fits).toBeNull();
  });

  it("reads the token from tokenFile relative to the kubeconfig", async () => {
    fs.writeFileSync(path.join(tmp, "tok"), `${TOKEN}\n`);
    const r = await localCheck({ kubeconfigPath: kubeconfig("tokfile.yaml", base, { tokenFile: "tok" }) });
    expect(r.connected).toBe(true);
  });

  it("reports rejected credentials", async () => {
    const r = await localCheck({ kubeconfigPath: kubeconfig("bad.yaml", base, { token: "wrong" }) });
    expect(r).toMatchObject({ connected: false, context: "lab" });
    expect(r.message).toMatch(/^not connected: .*returned 401: Unauthorized/);
  });

  it("refuses exec-plugin users with a clear message", async () => {
    const r = await localCheck({ kubeconfigPath: kubeconfig("exec.yaml", base, { exec: { command: "aws" } }) });
    expect(r.connected).toBe(false);
    expect(r.message).toMatch(/exec plugin \(aws\)/);
  });
});

describe("localCheck without a cluster", () => {
  it("says so at once when there is no kubeconfig", async () => {
    const home = fs.mkdtempSync(path.join(tmp, "home-"));
    expect(await localCheck({ homeDir: home, env: {} })).toEqual({
      connected: false, message: "not connected: no kubeconfig found (set KUBECONFIG)",
    });
    const missing = path.join(tmp, "nope.yaml");
    expect((await localCheck({ kubeconfigPath: missing, env: {} })).message).toBe(
      `not connected: no kubeconfig found at ${missing} (set KUBECONFIG)`,
    );
  });

  it("fails fast when the server is unreachable", async () => {
    const s = http.createServer();
    const port = await listen(s);
    await new Promise((r) => s.close(r)); // a port nobody listens on
    const t0 = Date.now();
    const r = await localCheck({ kubeconfigPath: kubeconfig("down.yaml", `http://127.0.0.1:${port}`, { token: TOKEN }) });
    expect(r.connected).toBe(false);
    expect(r.message).toMatch(/ECONNREFUSED/);
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it("gives up after timeoutMs when the server does not answer", async () => {
    const s = http.createServer(() => {}); // accepts, never replies
    servers.push(s);
    const port = await listen(s);
    const t0 = Date.now();
    const r = await localCheck({ kubeconfigPath: kubeconfig("slow.yaml", `http://127.0.0.1:${port}`, { token: TOKEN }), timeoutMs: 200 });
    expect(r).toMatchObject({ connected: false, message: `not connected: http://127.0.0.1:${port}: no answer within 200 ms` });
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});

let openssl = true;
try {
  execFileSync("openssl", ["version"], { stdio: "ignore" });
} catch {
  openssl = false;
  console.warn("[local-check.test] SKIPPED TLS tests: openssl not found");
}

describe.skipIf(!openssl)("localCheck over TLS", () => {
  let https0: string;
  let certPem: Buffer;
  let keyPem: Buffer;
  beforeAll(async () => {
    const cert = path.join(tmp, "cert.pem");
    const key = path.join(tmp, "key.pem");
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    ], { stdio: "ignore" });
    certPem = fs.readFileSync(cert);
    keyPem = fs.readFileSync(key);
    // Accepts a bearer token, or a client certificate signed by the same self-signed cert.
    const s = https.createServer({ cert: certPem, key: keyPem, ca: certPem, requestCert: true, rejectUnauthorized: false },
      handler((req) => req.headers.authorization === `Bearer ${TOKEN}` || (req.socket as import("node:tls").TLSSocket).authorized));
    servers.push(s);
    https0 = `https://127.0.0.1:${await listen(s)}`;
  });

  it("verifies the server with certificate-authority (file) and uses a token", async () => {
    const r = await localCheck({ kubeconfigPath: kubeconfig("tls.yaml", https0, { token: TOKEN }, { "certificate-authority": "cert.pem" }) });
    expect(r).toMatchObject({ connected: true, total_free_gpus: 6 });
  });

  it("authenticates with client certificate data and CA data", async () => {
    const b64 = (b: Buffer) => b.toString("base64");
    const r = await localCheck({
      kubeconfigPath: kubeconfig("mtls.yaml", https0,
        { "client-certificate-data": b64(certPem), "client-key-data": b64(keyPem) },
        { "certificate-authority-data": b64(certPem) }),
    });
    expect(r.connected).toBe(true);
  });

  it("rejects an unknown server certificate unless insecure-skip-tls-verify", async () => {
    const strict = await localCheck({ kubeconfigPath: kubeconfig("strict.yaml", https0, { token: TOKEN }) });
    expect(strict.connected).toBe(false);
    expect(strict.message).toMatch(/SELF_SIGNED|self.signed/i);
    const loose = await localCheck({ kubeconfigPath: kubeconfig("loose.yaml", https0, { token: TOKEN }, { "insecure-skip-tls-verify": true }) });
    expect(loose.connected).toBe(true);
  });

  it("uses the in-cluster service account", async () => {
    const sa = fs.mkdtempSync(path.join(tmp, "sa-"));
    fs.writeFileSync(path.join(sa, "token"), TOKEN);
    fs.writeFileSync(path.join(sa, "ca.crt"), certPem);
    const port = new URL(https0).port;
    const env = { KUBERNETES_SERVICE_HOST: "127.0.0.1", KUBERNETES_SERVICE_PORT: port };
    const r = await localCheck({ inCluster: true, env, serviceAccountDir: sa });
    expect(r).toMatchObject({ connected: true, context: "in-cluster", server: https0, total_free_gpus: 6 });
    // Auto-detected when no kubeconfig exists.
    const auto = await localCheck({ homeDir: sa, env, serviceAccountDir: sa });
    expect(auto.context).toBe("in-cluster");
  });
});
