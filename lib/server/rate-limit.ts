import { ApiError } from "@/lib/api/errors";

/** A small in-process sliding-window limiter (one server process; PGlite is single-process anyway). */
export class RateLimiter {
  private hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws a 429 ApiError with Retry-After when `key` is over its limit. */
  check(key: string): void {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (recent.length >= this.limit) {
      const retry = Math.max(1, Math.ceil((this.windowMs - (t - recent[0])) / 1000));
      this.hits.set(key, recent);
      throw new ApiError("rate_limited", `Too many requests; retry in ${retry} s`, [], { "Retry-After": String(retry) });
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(t);
  }

  private prune(t: number) {
    for (const [k, v] of this.hits) if (!v.some((x) => t - x < this.windowMs)) this.hits.delete(k);
  }
}

const g = globalThis as unknown as { __stack8sLimits?: { messages: RateLimiter; starts: RateLimiter } };
/** 20 messages a minute per conversation; 30 new conversations a minute per client address. */
export const limits = (g.__stack8sLimits ??= {
  messages: new RateLimiter(20, 60_000),
  starts: new RateLimiter(30, 60_000),
});

export function clientKey(req: Request): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "local";
}
