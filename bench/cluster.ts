// The local cluster check (lib/cluster) against the fake API server the tests use, per login method.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { localCheck } from "@/lib/cluster";
import {
  execPluginUser, makeTlsMaterial, startFakeApi, writeExecPlugin, writeKubeconfig,
} from "@/lib/cluster/__fixtures__/fake-api-server";
import { ms, stats, table, timed, type BenchOptions, type Stats } from "./lib";

export interface ClusterCase {
  name: string;
  stats: Stats;
}

const TOKEN = "bench-token";

/**
 * N checks per case after the warm-up: no kubeconfig; a bearer token over http and over TLS (CA file);
 * an exec plugin (a Node script) with a new kubeconfig file each check (so it runs every time), and
 * with one file (its credential is kept). Every check must connect (throws otherwise), except the first.
 */
export async function benchCluster(opts: BenchOptions): Promise<ClusterCase[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "s8-bench-kube-"));
  const tls = makeTlsMaterial(tmp);
  const plain = await startFakeApi({ tokens: [TOKEN] });
  const secure = tls ? await startFakeApi({ tokens: [TOKEN], tls }) : null;
  const plugin = writeExecPlugin(tmp);
  const runs = path.join(tmp, "runs");
  let fresh = 0;
  // [case, kubeconfig, a new file for every check?, connects?]
  type Case = readonly [string, () => string, boolean, boolean];
  const cases: Case[] = [
    ["no kubeconfig", () => path.join(tmp, "missing.yaml"), false, false],
    ["token, http", () => writeKubeconfig(tmp, "token.yaml", plain.base, { token: TOKEN }), false, true],
    ...(secure
      ? [["token, TLS with CA file", () => writeKubeconfig(tmp, "tls.yaml", secure.base, { token: TOKEN }, { "certificate-authority": "cert.pem" }), false, true] as Case]
      : []),
    ["exec plugin, new kubeconfig each check", () => writeKubeconfig(tmp, `exec-${fresh++}.yaml`, plain.base, execPluginUser(plugin, "ok", runs, TOKEN)), true, true],
    ["exec plugin, kept credential", () => writeKubeconfig(tmp, "exec-kept.yaml", plain.base, execPluginUser(plugin, "ok", runs, TOKEN)), false, true],
  ];
  const out: ClusterCase[] = [];
  try {
    for (const [name, kubeconfig, perCheck, mustConnect] of cases) {
      const once = perCheck ? null : kubeconfig();
      const samples: number[] = [];
      for (let i = 0; i < opts.warmup + opts.iterations; i++) {
        const kubeconfigPath = once ?? kubeconfig();
        const { ms: t, value } = await timed(() => localCheck({ kubeconfigPath, inCluster: false, timeoutMs: 5000 }));
        if (value.connected !== mustConnect) throw new Error(`cluster bench ${name}: ${value.message}`);
        if (i >= opts.warmup) samples.push(t);
      }
      out.push({ name, stats: stats(samples) });
    }
  } finally {
    await plain.close();
    await secure?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

export function formatClusterReport(cases: ClusterCase[]): string {
  return `## Local cluster check\n\n${table(
    ["case", "n", "p50 ms", "p95 ms", "max ms"],
    cases.map((c) => [c.name, c.stats.n, ms(c.stats.p50), ms(c.stats.p95), ms(c.stats.max)]),
  )}`;
}
