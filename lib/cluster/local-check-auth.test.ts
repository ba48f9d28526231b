import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  execPluginUser, startFakeApi, writeExecPlugin, writeKubeconfig, type FakeApiServer, type PluginMode,
} from "./__fixtures__/fake-api-server";
import { localCheck } from "./local-check";

/** Logins managed clusters use: exec credential plugins (EKS, GKE, AKS kubelogin) and OIDC auth-provider. */

const EXEC_TOKEN = "k8s-aws-v1.exec-issued-token";
const OIDC_TOKEN = jwt({ iss: "https://idp.example.com", sub: "jane", exp: Math.floor(Date.now() / 1000) + 3600 });
let tmp: string;
let api: FakeApiServer;
let plugin: string;

/** An unsigned JWT with the given claims (the client only reads `exp`; the API server verifies). */
function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}.c2ln`;
}

const execUser = (mode: PluginMode, countFile: string) => execPluginUser(plugin, mode, countFile, EXEC_TOKEN);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "s8-kube-auth-"));
  plugin = writeExecPlugin(tmp);
  api = await startFakeApi({ tokens: [EXEC_TOKEN, OIDC_TOKEN] });
});
afterAll(async () => {
  await api.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("exec credential plugins", () => {
  it("runs the plugin and sends its token as the bearer token", async () => {
    const runs = path.join(tmp, "runs-ok");
    const before = api.seen.length;
    const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "exec.yaml", api.base, execUser("ok", runs)), requiredGpus: 4 });
    expect(r).toMatchObject({ connected: true, context: "lab", total_free_gpus: 6, fits: true });
    expect(r.nodes?.map((n) => [n.name, n.free_gpus])).toEqual([["gpu-a100-0", 2], ["gpu-l4-0", 4], ["cpu-0", 0]]);
    const sent = api.seen.slice(before);
    expect(sent.map((s) => new URL(s.url, "http://x").pathname).sort()).toEqual(["/api/v1/nodes", "/api/v1/pods"]);
    expect(sent.every((s) => s.authorization === `Bearer ${EXEC_TOKEN}`)).toBe(true);
    expect(fs.readFileSync(runs, "utf8")).toBe("x"); // once for both API calls
  });

  it("keeps the plugin's credential until it expires, and reloads an edited kubeconfig", async () => {
    const runs = path.join(tmp, "runs-cache");
    const kc = writeKubeconfig(tmp, "exec-cache.yaml", api.base, execUser("ok", runs));
    expect((await localCheck({ kubeconfigPath: kc })).connected).toBe(true);
    expect((await localCheck({ kubeconfigPath: kc })).connected).toBe(true);
    expect(fs.readFileSync(runs, "utf8")).toBe("x");
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(kc, later, later);
    expect((await localCheck({ kubeconfigPath: kc })).connected).toBe(true);
    expect(fs.readFileSync(runs, "utf8")).toBe("xx");
  });

  it("asks the plugin again after the API server rejects its credential", async () => {
    const runs = path.join(tmp, "runs-rejected");
    const kc = writeKubeconfig(tmp, "exec-rejected.yaml", api.base, execPluginUser(plugin, "ok", runs, "revoked-token"));
    expect((await localCheck({ kubeconfigPath: kc })).message).toMatch(/returned 401/);
    expect((await localCheck({ kubeconfigPath: kc })).message).toMatch(/returned 401/);
    expect(fs.readFileSync(runs, "utf8")).toBe("xx");
  });

  it("reports the plugin's own error when it fails", async () => {
    const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "exec-fail.yaml", api.base, execUser("fail", path.join(tmp, "runs-fail"))) });
    expect(r).toMatchObject({ connected: false, context: "lab" });
    expect(r.message).toBe(`not connected: ${api.base}: error: the SSO session has expired, run aws sso login`);
  });

  it("reports a missing plugin command by name", async () => {
    const user = { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: path.join(tmp, "no-such-plugin") } };
    const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "exec-missing.yaml", api.base, user) });
    expect(r.connected).toBe(false);
    expect(r.message).toBe(`not connected: ${api.base}: spawn ${user.exec.command} ENOENT`);
  });

  it("bounds a plugin that never answers by timeoutMs", async () => {
    const t0 = Date.now();
    const r = await localCheck({
      kubeconfigPath: writeKubeconfig(tmp, "exec-stall.yaml", api.base, execUser("stall", path.join(tmp, "runs-stall"))),
      timeoutMs: 300,
    });
    expect(r.message).toBe(`not connected: ${api.base}: no answer within 300 ms`);
    expect(Date.now() - t0).toBeLessThan(1200);
  });

  it("obeys a kubectl kuberc that denies credential plugins", async () => {
    const kuberc = path.join(tmp, "kuberc");
    fs.writeFileSync(kuberc, "apiVersion: kubectl.config.k8s.io/v1beta1\nkind: Preference\ncredentialPluginPolicy: DenyAll\n");
    vi.stubEnv("KUBERC", kuberc);
    const runs = path.join(tmp, "runs-denied");
    const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "exec-denied.yaml", api.base, execUser("ok", runs)) });
    expect(r.connected).toBe(false);
    expect(r.message).toContain("not allowed: policy set to 'DenyAll'");
    expect(fs.existsSync(runs)).toBe(false);
  });
});

describe("OIDC auth-provider", () => {
  it("sends a still-valid id-token as the bearer token", async () => {
    const before = api.seen.length;
    const user = {
      "auth-provider": {
        name: "oidc",
        config: { "client-id": "kubernetes", "idp-issuer-url": "https://idp.example.com", "id-token": OIDC_TOKEN, "refresh-token": "r" },
      },
    };
    const r = await localCheck({ kubeconfigPath: writeKubeconfig(tmp, "oidc.yaml", api.base, user) });
    expect(r).toMatchObject({ connected: true, total_free_gpus: 6 });
    expect(api.seen.slice(before).map((s) => s.authorization)).toEqual([`Bearer ${OIDC_TOKEN}`, `Bearer ${OIDC_TOKEN}`]);
  });
});
