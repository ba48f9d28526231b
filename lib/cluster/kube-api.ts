import {
  ApiException, CoreV1Api, Observable, type KubeConfig, type ObservableMiddleware, type V1NodeList, type V1PodList,
} from "@kubernetes/client-node";

/** Pods that still hold their GPUs: the API server filters out finished ones. */
export const ACTIVE_PODS = "status.phase!=Succeeded,status.phase!=Failed";

/** Reject with the signal's reason once it aborts; `work` is left to settle on its own. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The message of a Kubernetes Status body ({"kind":"Status","message":...}), else its first 200 characters. */
function statusMessage(body: unknown): string | undefined {
  if (typeof body !== "string" || !body.trim()) return undefined;
  try {
    return (JSON.parse(body) as { message?: string }).message;
  } catch {
    return body.slice(0, 200);
  }
}

/** Why a list call failed, in one line: HTTP status and the API server's message, or the network error code. */
export function describeKubeError(e: unknown, timeoutMs: number): string {
  if (e instanceof ApiException) {
    // The generated client keeps the body of unexpected statuses only; 401 is a declared response without one.
    const why = e.code === 401 ? "Unauthorized (credentials rejected)" : statusMessage(e.body);
    return `the API server returned ${e.code}${why ? `: ${why}` : ""}`;
  }
  const err = e as (Error & { code?: string; cause?: unknown }) | undefined;
  if (err?.name === "AbortError" || err?.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  // undici's fetch wraps socket and TLS errors: "fetch failed" with the real one as `cause`.
  if (err?.cause instanceof Error) return describeKubeError(err.cause, timeoutMs);
  // Node's messages usually carry the code ("connect ECONNREFUSED 127.0.0.1:6443", "spawn aws ENOENT").
  if (err?.code) return !err.message ? err.code : err.message.includes(err.code) ? err.message : `${err.code} (${err.message})`;
  return err?.message?.trim() || err?.name || String(e);
}

/**
 * GET /api/v1/nodes and the active pods of all namespaces with the kubeconfig's credentials
 * (token, client certificate, exec plugin, OIDC, service account: whatever the library supports).
 * Rejects once `timeoutMs` has passed, credential plugins included; open connections are closed.
 */
export async function listNodesAndPods(kc: KubeConfig, timeoutMs: number): Promise<{ nodes: V1NodeList; pods: V1PodList }> {
  const signal = AbortSignal.timeout(timeoutMs);
  const dispatchers = new Set<{ destroy(): Promise<void> }>();
  const abortable: ObservableMiddleware = {
    pre: (ctx) => {
      ctx.setSignal(signal);
      const d = ctx.getDispatcher() as { destroy(): Promise<void> } | undefined;
      if (d) dispatchers.add(d);
      return new Observable(Promise.resolve(ctx));
    },
    post: (ctx) => new Observable(Promise.resolve(ctx)),
  };
  const options = { middleware: [abortable], middlewareMergeStrategy: "append" as const };
  try {
    const api = kc.makeApiClient(CoreV1Api);
    const list = async () => {
      // Sign in once (an exec plugin runs here and its credential is cached), then make both calls.
      await kc.applyToHTTPSOptions({});
      return Promise.all([api.listNode({}, options), api.listPodForAllNamespaces({ fieldSelector: ACTIVE_PODS }, options)]);
    };
    const [nodes, pods] = await untilAborted(list(), signal);
    return { nodes, pods };
  } finally {
    // The library makes one dispatcher per request (for TLS settings); keep-alive sockets would outlive the check.
    for (const d of dispatchers) void d.destroy().catch(() => {});
  }
}
