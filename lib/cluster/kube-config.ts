import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";

export interface ConnectionOptions {
  /** KUBECONFIG: one path or several joined by ':' (merged like kubectl). Default ~/.kube/config. */
  kubeconfigPath?: string;
  /** true: use the pod's service account only; false: never; undefined: when no kubeconfig exists. */
  inCluster?: boolean;
  /** For tests: the home folder holding .kube/config. */
  homeDir?: string;
  /** For tests: the filesystem root under which the service-account files are read (library `pathPrefix`). */
  inClusterRoot?: string;
}

/** A loaded configuration, with the context and server it will talk to. */
export type LoadedConfig = { ok: true; kc: KubeConfig; context: string; server: string } | { ok: false; message: string };

/** Where Kubernetes mounts the pod's service account (the library reads token and ca.crt from here). */
const SA_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

function isFile(f: string): boolean {
  try {
    return fs.statSync(/*turbopackIgnore: true*/ f).isFile();
  } catch {
    return false;
  }
}

/** Drop the entries `later` names that `first` already has: the first file to define a name wins, as in kubectl. */
function withoutKnown(first: KubeConfig, later: KubeConfig): KubeConfig {
  const has = (list: { name: string }[], name: string) => list.some((x) => x.name === name);
  later.clusters = later.clusters.filter((c) => !has(first.clusters, c.name));
  later.users = later.users.filter((u) => !has(first.users, u.name));
  later.contexts = later.contexts.filter((c) => !has(first.contexts, c.name));
  return later;
}

/** Load and merge kubeconfig files with the library; the first current-context set wins. */
function loadFiles(files: string[]): LoadedConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(files[0]);
    for (const file of files.slice(1)) {
      const next = new KubeConfig();
      next.loadFromFile(file);
      kc.mergeConfig(withoutKnown(kc, next), Boolean(kc.getCurrentContext()));
    }
    // kubectl's credential-plugin policy (KUBERC or ~/.kube/kuberc) decides which exec plugins may run.
    kc.loadExecCredentialPluginPolicyFromKuberc();
  } catch (e) {
    return { ok: false, message: `not connected: cannot read kubeconfig: ${(e as Error).message}` };
  }
  if (!kc.getCurrentContext() && kc.getContexts().length === 1) kc.setCurrentContext(kc.getContexts()[0].name);
  const name = kc.getCurrentContext();
  if (!name || !kc.getContextObject(name)) {
    return { ok: false, message: `not connected: kubeconfig has no current context${name ? ` (${name} not found)` : ""}` };
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server) return { ok: false, message: `not connected: context ${name} names no cluster with a server` };
  return { ok: true, kc, context: name, server: cluster.server };
}

/**
 * The loaded config per file list, with the files' modification times: a kept KubeConfig keeps the
 * library's exec-plugin token cache (until the credential's expirationTimestamp) and refreshed OIDC
 * tokens, so a plugin like `aws eks get-token` runs once rather than on every check. Editing a file
 * replaces the entry.
 */
const loadedFiles = new Map<string, { stamp: string; loaded: LoadedConfig & { ok: true } }>();

function stampOf(files: string[]): string {
  return JSON.stringify(files.map((f) => {
    const st = fs.statSync(/*turbopackIgnore: true*/ f);
    return [st.mtimeMs, st.size];
  }));
}

function fromFiles(files: string[]): LoadedConfig {
  const key = JSON.stringify(files.map((f) => path.resolve(f)));
  let stamp: string;
  try {
    stamp = stampOf(files);
  } catch (e) {
    return { ok: false, message: `not connected: cannot read kubeconfig: ${(e as Error).message}` };
  }
  const kept = loadedFiles.get(key);
  if (kept?.stamp === stamp) return kept.loaded;
  loadedFiles.delete(key);
  const loaded = loadFiles(files);
  if (loaded.ok) loadedFiles.set(key, { stamp, loaded });
  return loaded;
}

/** Drop a kept config (its credentials were rejected), so the next check loads it and signs in again. */
export function forgetKubeConfig(kc: KubeConfig): void {
  for (const [key, v] of loadedFiles) if (v.loaded.kc === kc) loadedFiles.delete(key);
}

/** The pod's service account (KUBERNETES_SERVICE_HOST/PORT and the mounted token and CA), via the library. */
function fromCluster(root = ""): LoadedConfig {
  const { KUBERNETES_SERVICE_HOST: host, KUBERNETES_SERVICE_PORT: port } = process.env;
  if (!host || !port || !isFile(`${root}${SA_TOKEN}`)) {
    return { ok: false, message: "not connected: not running in a cluster (no KUBERNETES_SERVICE_HOST/PORT or service account token)" };
  }
  const kc = new KubeConfig();
  kc.loadFromCluster(root);
  return { ok: true, kc, context: "in-cluster", server: kc.getCurrentCluster()?.server ?? "" };
}

/** Pick kubeconfig (KUBECONFIG, else ~/.kube/config) or the in-cluster service account. Never throws. */
export function loadKubeConfig(opts: ConnectionOptions = {}): LoadedConfig {
  if (opts.inCluster === true) return fromCluster(opts.inClusterRoot);
  const explicit = opts.kubeconfigPath?.split(path.delimiter).filter(Boolean) ?? [];
  const candidates = explicit.length ? explicit : [path.join(opts.homeDir ?? os.homedir(), ".kube", "config")];
  const files = candidates.filter(isFile);
  if (files.length) return fromFiles(files);
  if (opts.inCluster === undefined && process.env.KUBERNETES_SERVICE_HOST) {
    const ic = fromCluster(opts.inClusterRoot);
    if (ic.ok) return ic;
  }
  const where = explicit.length ? ` at ${explicit.join(path.delimiter)}` : "";
  return { ok: false, message: `not connected: no kubeconfig found${where} (set KUBECONFIG)` };
}
