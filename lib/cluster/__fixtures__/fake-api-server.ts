import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import YAML from "yaml";

/** Test helpers: a fake Kubernetes API server serving recorded node and pod lists, and kubeconfig files for it. */

const NODES = fs.readFileSync(path.join(import.meta.dirname, "nodes.json"));
const PODS = fs.readFileSync(path.join(import.meta.dirname, "pods.json"));

/** A token the fake server knows but whose user may not list nodes (RBAC 403). */
export const FORBIDDEN_TOKEN = "viewer-token";
const FORBIDDEN_USER = "jane@example.com";

export interface SeenRequest {
  url: string;
  authorization?: string;
  clientCertificate: boolean;
}

export interface FakeApiServer {
  base: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export interface TlsMaterial {
  certPem: Buffer;
  keyPem: Buffer;
  certFile: string;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

/**
 * Serves GET /api/v1/nodes and GET /api/v1/pods?fieldSelector=<active pods> to requests with
 * `Authorization: Bearer <one of tokens>` or (over TLS) a client certificate signed by `tls`; 401 otherwise.
 */
export async function startFakeApi(opts: { tokens: string[]; tls?: TlsMaterial }): Promise<FakeApiServer> {
  const forbid = (res: http.ServerResponse) => {
    res.writeHead(403, { "content-type": "application/json" });
    res.end(JSON.stringify({
      kind: "Status", code: 403, reason: "Forbidden",
      message: `nodes is forbidden: User "${FORBIDDEN_USER}" cannot list resource "nodes" in API group "" at the cluster scope`,
    }));
  };
  const seen: SeenRequest[] = [];
  const handler: http.RequestListener = (req, res) => {
    const clientCertificate = Boolean((req.socket as TLSSocket).authorized);
    seen.push({ url: req.url ?? "", authorization: req.headers.authorization, clientCertificate });
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (token === FORBIDDEN_TOKEN) return forbid(res);
    if (!clientCertificate && !(token && opts.tokens.includes(token))) {
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
  const server = opts.tls
    ? https.createServer({ cert: opts.tls.certPem, key: opts.tls.keyPem, ca: opts.tls.certPem, requestCert: true, rejectUnauthorized: false }, handler)
    : http.createServer(handler);
  const port = await listen(server);
  return {
    base: `${opts.tls ? "https" : "http"}://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A server that accepts connections and never answers. */
export async function startSilentServer(): Promise<{ base: string; close(): void }> {
  const server = http.createServer(() => {});
  const port = await listen(server);
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  return { base: `http://127.0.0.1:${port}`, close };
}

/** A port nobody listens on. */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

/** A self-signed certificate for 127.0.0.1 (used as server cert, CA and client cert); null without openssl. */
export function makeTlsMaterial(dir: string): TlsMaterial | null {
  const certFile = path.join(dir, "cert.pem");
  const keyFile = path.join(dir, "key.pem");
  try {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    ], { stdio: "ignore" });
  } catch {
    return null;
  }
  return { certPem: fs.readFileSync(certFile), keyPem: fs.readFileSync(keyFile), certFile };
}

/**
 * Write a one-context kubeconfig ("lab") to dir/file. A plain-http server gets insecure-skip-tls-verify,
 * which @kubernetes/client-node requires before it talks http.
 */
export function writeKubeconfig(
  dir: string, file: string, server: string, user: Record<string, unknown>, cluster: Record<string, unknown> = {},
): string {
  const plain = server.startsWith("http:") ? { "insecure-skip-tls-verify": true } : {};
  const doc = {
    apiVersion: "v1", kind: "Config", "current-context": "lab",
    clusters: [{ name: "lab-cluster", cluster: { server, ...plain, ...cluster } }],
    users: [{ name: "lab-user", user }],
    contexts: [{ name: "lab", context: { cluster: "lab-cluster", user: "lab-user" } }],
  };
  const p = path.join(dir, file);
  fs.writeFileSync(p, YAML.stringify(doc));
  return p;
}

/**
 * A credential plugin like `aws eks get-token`: prints an ExecCredential whose token comes from
 * its environment (set by the kubeconfig's exec.env), counts its runs in a file, and can fail or stall.
 */
const PLUGIN = `
const fs = require("node:fs");
const [mode, countFile] = process.argv.slice(2);
fs.appendFileSync(countFile, "x");
if (mode === "fail") { process.stderr.write("error: the SSO session has expired, run aws sso login\\n"); process.exit(1); }
if (mode === "stall") { setTimeout(() => {}, 1500); return; }
process.stdout.write(JSON.stringify({
  apiVersion: "client.authentication.k8s.io/v1beta1", kind: "ExecCredential",
  status: { token: process.env.PLUGIN_TOKEN, expirationTimestamp: new Date(Date.now() + 600000).toISOString() },
}));
`;

export type PluginMode = "ok" | "fail" | "stall";

/** Write the plugin script into dir; returns its path. */
export function writeExecPlugin(dir: string): string {
  const p = path.join(dir, "get-token.cjs");
  fs.writeFileSync(p, PLUGIN, { mode: 0o755 });
  return p;
}

/** A kubeconfig user that signs in by running the plugin (with this Node) and handing it `token` through exec.env. */
export function execPluginUser(plugin: string, mode: PluginMode, countFile: string, token: string) {
  return {
    exec: {
      apiVersion: "client.authentication.k8s.io/v1beta1",
      command: process.execPath,
      args: [plugin, mode, countFile],
      env: [{ name: "PLUGIN_TOKEN", value: token }],
      interactiveMode: "Never",
    },
  };
}
