import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";

/** How to reach and authenticate to one API server. */
export interface KubeConnection {
  server: string;
  context?: string;
  token?: string;
  username?: string;
  password?: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  insecureSkipTlsVerify: boolean;
}

export interface ConnectionOptions {
  /** KUBECONFIG: one path or several joined by ':' (merged like kubectl). Default ~/.kube/config. */
  kubeconfigPath?: string;
  /** true: use the pod's service account only; false: never; undefined: when no kubeconfig exists. */
  inCluster?: boolean;
  /** For tests. */
  homeDir?: string;
  env?: Record<string, string | undefined>;
  serviceAccountDir?: string;
}

export type ConnectionResult = { ok: true; conn: KubeConnection } | { ok: false; message: string };

type Named<T> = { name?: string } & T;
interface ClusterEntry { server?: string; "certificate-authority"?: string; "certificate-authority-data"?: string; "insecure-skip-tls-verify"?: boolean }
interface UserEntry {
  token?: string; tokenFile?: string; username?: string; password?: string;
  "client-certificate"?: string; "client-certificate-data"?: string; "client-key"?: string; "client-key-data"?: string;
  exec?: { command?: string }; "auth-provider"?: { name?: string };
}
interface ContextEntry { cluster?: string; user?: string }
interface KubeconfigDoc {
  "current-context"?: string;
  clusters?: Named<{ cluster?: ClusterEntry }>[];
  users?: Named<{ user?: UserEntry }>[];
  contexts?: Named<{ context?: ContextEntry }>[];
}

const SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/** Entries keep the folder of the file that defined them, for relative cert paths. */
interface Merged {
  current?: string;
  clusters: Map<string, { v: ClusterEntry; dir: string }>;
  users: Map<string, { v: UserEntry; dir: string }>;
  contexts: Map<string, ContextEntry>;
}

function merge(files: string[]): Merged {
  const m: Merged = { clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const file of files) {
    const doc = (YAML.parse(fs.readFileSync(file, "utf8")) ?? {}) as KubeconfigDoc;
    const dir = path.dirname(file);
    m.current ||= doc["current-context"] || undefined;
    // First file to define a name wins, as in kubectl.
    for (const c of doc.clusters ?? []) if (c.name && !m.clusters.has(c.name)) m.clusters.set(c.name, { v: c.cluster ?? {}, dir });
    for (const u of doc.users ?? []) if (u.name && !m.users.has(u.name)) m.users.set(u.name, { v: u.user ?? {}, dir });
    for (const c of doc.contexts ?? []) if (c.name && !m.contexts.has(c.name)) m.contexts.set(c.name, c.context ?? {});
  }
  return m;
}

function fileOrData(dir: string, file?: string, data?: string): Buffer | undefined {
  if (data) return Buffer.from(data, "base64");
  if (file) return fs.readFileSync(/*turbopackIgnore: true*/ path.resolve(dir, file));
  return undefined;
}

/** Build a connection from kubeconfig file(s), using current-context (or the only context). */
export function connectionFromKubeconfig(files: string[]): ConnectionResult {
  let m: Merged;
  try {
    m = merge(files);
  } catch (e) {
    return { ok: false, message: `not connected: cannot read kubeconfig: ${(e as Error).message}` };
  }
  const name = m.current ?? (m.contexts.size === 1 ? [...m.contexts.keys()][0] : undefined);
  const ctx = name ? m.contexts.get(name) : undefined;
  if (!name || !ctx) return { ok: false, message: `not connected: kubeconfig has no current context${name ? ` (${name} not found)` : ""}` };
  const cluster = ctx.cluster ? m.clusters.get(ctx.cluster) : undefined;
  if (!cluster?.v.server) return { ok: false, message: `not connected: context ${name} names no cluster with a server` };
  const user = ctx.user ? m.users.get(ctx.user) : undefined;
  const u = user?.v ?? {};
  if (u.exec || u["auth-provider"]) {
    const how = u.exec ? `exec plugin (${u.exec.command ?? "?"})` : `auth-provider ${u["auth-provider"]?.name ?? ""}`;
    return { ok: false, message: `not connected: user ${ctx.user} signs in with an ${how}, which Stack8s does not run; use a kubeconfig with a token or client certificate` };
  }
  try {
    const udir = user?.dir ?? cluster.dir;
    return {
      ok: true,
      conn: {
        server: cluster.v.server.replace(/\/+$/, ""),
        context: name,
        token: u.token ?? (u.tokenFile ? fs.readFileSync(/*turbopackIgnore: true*/ path.resolve(udir, u.tokenFile), "utf8").trim() : undefined),
        username: u.username,
        password: u.password,
        ca: fileOrData(cluster.dir, cluster.v["certificate-authority"], cluster.v["certificate-authority-data"]),
        cert: fileOrData(udir, u["client-certificate"], u["client-certificate-data"]),
        key: fileOrData(udir, u["client-key"], u["client-key-data"]),
        insecureSkipTlsVerify: cluster.v["insecure-skip-tls-verify"] === true,
      },
    };
  } catch (e) {
    return { ok: false, message: `not connected: kubeconfig context ${name}: ${(e as Error).message}` };
  }
}

/** The pod's service account, when running inside Kubernetes. */
export function inClusterConnection(env: Record<string, string | undefined>, saDir = SA_DIR): ConnectionResult {
  const host = env.KUBERNETES_SERVICE_HOST;
  const tokenFile = path.join(saDir, "token");
  if (!host || !fs.existsSync(tokenFile)) {
    return { ok: false, message: "not connected: not running in a cluster (no KUBERNETES_SERVICE_HOST or service account token)" };
  }
  const port = env.KUBERNETES_SERVICE_PORT ?? "443";
  const caFile = path.join(saDir, "ca.crt");
  return {
    ok: true,
    conn: {
      server: `https://${host.includes(":") ? `[${host}]` : host}:${port}`,
      context: "in-cluster",
      token: fs.readFileSync(tokenFile, "utf8").trim(),
      ca: fs.existsSync(caFile) ? fs.readFileSync(caFile) : undefined,
      insecureSkipTlsVerify: false,
    },
  };
}

/** Pick kubeconfig (KUBECONFIG, else ~/.kube/config) or the in-cluster service account. */
export function resolveConnection(opts: ConnectionOptions = {}): ConnectionResult {
  const env = opts.env ?? process.env;
  if (opts.inCluster === true) return inClusterConnection(env, opts.serviceAccountDir);
  const explicit = opts.kubeconfigPath?.split(path.delimiter).filter(Boolean) ?? [];
  const candidates = explicit.length ? explicit : [path.join(opts.homeDir ?? os.homedir(), ".kube", "config")];
  const files = candidates.filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  if (files.length) return connectionFromKubeconfig(files);
  if (opts.inCluster === undefined && env.KUBERNETES_SERVICE_HOST) {
    const ic = inClusterConnection(env, opts.serviceAccountDir);
    if (ic.ok) return ic;
  }
  const where = explicit.length ? ` at ${explicit.join(path.delimiter)}` : "";
  return { ok: false, message: `not connected: no kubeconfig found${where} (set KUBECONFIG)` };
}
