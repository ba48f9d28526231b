import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeTlsMaterial, startFakeApi, writeKubeconfig, type FakeApiServer, type TlsMaterial } from "./__fixtures__/fake-api-server";
import { localCheck } from "./local-check";

const TOKEN = "tls-token-456";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "s8-kube-tls-"));
const tls = makeTlsMaterial(tmp);
if (!tls) console.warn("[local-check-tls.test] SKIPPED TLS tests: openssl not found");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!tls)("localCheck over TLS", () => {
  const material = tls as TlsMaterial;
  let api: FakeApiServer;
  beforeAll(async () => {
    api = await startFakeApi({ tokens: [TOKEN], tls: material });
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const b64 = (b: Buffer) => b.toString("base64");

  it("verifies the server with certificate-authority (a file relative to the kubeconfig) and uses a token", async () => {
    const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "tls.yaml", api.base, { token: TOKEN }, { "certificate-authority": "cert.pem" }) });
    expect(r).toMatchObject({ connected: true, server: api.base, total_free_gpus: 6 });
  });

  it("authenticates with client certificate data and CA data", async () => {
    const before = api.seen.length;
    const r = await localCheck({
      kubeconfigPath: writeKubeconfig(tmp, "mtls.yaml", api.base,
        { "client-certificate-data": b64(material.certPem), "client-key-data": b64(material.keyPem) },
        { "certificate-authority-data": b64(material.certPem) }),
    });
    expect(r.connected).toBe(true);
    expect(api.seen.slice(before).every((s) => s.clientCertificate && s.authorization === undefined)).toBe(true);
  });

  it("rejects an unknown server certificate unless insecure-skip-tls-verify", async () => {
    const strict = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "strict.yaml", api.base, { token: TOKEN }) });
    expect(strict.connected).toBe(false);
    expect(strict.message).toMatch(/SELF_SIGNED|self.signed/i);
    const loose = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "loose.yaml", api.base, { token: TOKEN }, { "insecure-skip-tls-verify": true }) });
    expect(loose.connected).toBe(true);
  });

  it("uses the in-cluster service account (token and CA under the library's path prefix)", async () => {
    // loadFromCluster(pathPrefix) reads <prefix>/var/run/secrets/kubernetes.io/serviceaccount/{token,ca.crt}.
    const root = fs.mkdtempSync(path.join(tmp, "pod-"));
    const sa = path.join(root, "var/run/secrets/kubernetes.io/serviceaccount");
    fs.mkdirSync(sa, { recursive: true });
    fs.writeFileSync(path.join(sa, "token"), TOKEN);
    fs.writeFileSync(path.join(sa, "ca.crt"), material.certPem);
    vi.stubEnv("KUBERNETES_SERVICE_HOST", "127.0.0.1");
    vi.stubEnv("KUBERNETES_SERVICE_PORT", new URL(api.base).port);
    const before = api.seen.length;
    const r = await localCheck({ inCluster: true, inClusterRoot: root });
    expect(r).toMatchObject({ connected: true, context: "in-cluster", server: api.base, total_free_gpus: 6 });
    expect(api.seen.slice(before).map((s) => s.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    // Chosen on its own when there is no kubeconfig; never when inCluster is false.
    const auto = await localCheck({ homeDir: root, inClusterRoot: root });
    expect(auto.context).toBe("in-cluster");
    const off = await localCheck({ homeDir: root, inClusterRoot: root, inCluster: false });
    expect(off).toEqual({ connected: false, message: "not connected: no kubeconfig found (set KUBECONFIG)" });
  });

  it("says why in-cluster is unavailable outside a pod", async () => {
    vi.stubEnv("KUBERNETES_SERVICE_HOST", undefined);
    const r = await localCheck({ inCluster: true, inClusterRoot: tmp });
    expect(r).toEqual({
      connected: false,
      message: "not connected: not running in a cluster (no KUBERNETES_SERVICE_HOST/PORT or service account token)",
    });
  });
});
