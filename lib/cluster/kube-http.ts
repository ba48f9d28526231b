import http from "node:http";
import https from "node:https";
import type { KubeConnection } from "./kubeconfig";

export class KubeRequestError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = "KubeRequestError";
  }
}

/** GET a Kubernetes API path as JSON with the connection's credentials; rejects after `signal` aborts. */
export function kubeGetJson(conn: KubeConnection, apiPath: string, signal: AbortSignal): Promise<unknown> {
  const url = new URL(conn.server + apiPath);
  const headers: Record<string, string> = { accept: "application/json" };
  if (conn.token) headers.authorization = `Bearer ${conn.token}`;
  else if (conn.username !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${conn.username}:${conn.password ?? ""}`).toString("base64")}`;
  }
  const tls = url.protocol === "https:";
  const options: https.RequestOptions = {
    method: "GET",
    headers,
    signal,
    ...(tls && { ca: conn.ca, cert: conn.cert, key: conn.key, rejectUnauthorized: !conn.insecureSkipTlsVerify, agent: false }),
  };
  return new Promise((resolve, reject) => {
    const req = (tls ? https : http).request(url, options, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("error", reject);
      res.on("end", () => {
        const body = Buffer.concat(parts).toString("utf8");
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          let why = body.slice(0, 200);
          try {
            why = (JSON.parse(body) as { message?: string }).message ?? why;
          } catch {}
          return reject(new KubeRequestError(`GET ${apiPath} returned ${status}${why ? `: ${why}` : ""}`, status));
        }
        try {
          resolve(JSON.parse(body));
        } catch {
          reject(new KubeRequestError(`GET ${apiPath} returned invalid JSON`));
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}
