import { APICallError, RetryError } from "ai";

/**
 * Why the LLM did not answer a stage, as a stable code. These codes (never the provider's error
 * text, which can echo a key or the user's message) go to logs, health and `engine_notes`.
 */
export const LLM_FALLBACK_REASONS = [
  // The provider failed (these count towards the circuit breaker):
  "auth_failed", // 401 / 403: wrong key or no access to the model
  "rate_limited", // 429
  "bad_request", // 400 and other 4xx: e.g. the schema or the model name was rejected
  "server_error", // 5xx
  "timeout", // the turn's LLM time budget ran out during the call
  "network", // no HTTP answer (connection refused, DNS, reset)
  // The LLM was not called:
  "circuit_open", // too many failures in a row; skipped until the cool-down ends
  "retry_after", // waiting out a 429's Retry-After
  "budget_exhausted", // the turn's LLM time budget was already spent
  // The answer was unusable:
  "invalid_output", // no valid requirements JSON, also after one repair attempt
  "empty_summary",
  "refusal",
  "ungrounded_number", // a number that is not a fact of the same kind
  "missing_names", // the summary does not name the chosen model and instance
] as const;

export type LlmFallbackReason = (typeof LLM_FALLBACK_REASONS)[number];

const PROVIDER_REASONS = new Set<LlmFallbackReason>(["auth_failed", "rate_limited", "bad_request", "server_error", "timeout", "network"]);

/** Reasons that say the provider (not the answer) failed; they feed the circuit breaker and health. */
export const isProviderFailure = (r: LlmFallbackReason) => PROVIDER_REASONS.has(r);

/** A stage's fallback, with the provider's HTTP status when there was one. */
export class LlmFallback extends Error {
  constructor(
    readonly reason: LlmFallbackReason,
    readonly status: number | null = null,
    /** From a 429's Retry-After (or retry-after-ms), capped at 10 minutes. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`LLM fallback: ${reason}${status ? ` (HTTP ${status})` : ""}`);
    this.name = "LlmFallback";
  }
}

const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Map whatever a provider call threw to a fallback reason; `timedOut` says our budget signal fired. */
export function classifyLlmError(err: unknown, timedOut: boolean, now = Date.now()): LlmFallback {
  if (err instanceof LlmFallback) return err;
  const e = RetryError.isInstance(err) ? err.lastError : err;
  if (timedOut) return new LlmFallback("timeout");
  if (APICallError.isInstance(e)) {
    const status = e.statusCode ?? null;
    if (status === null) return new LlmFallback("network");
    if (status === 401 || status === 403) return new LlmFallback("auth_failed", status);
    if (status === 429) return new LlmFallback("rate_limited", status, retryAfterMs(e.responseHeaders, now));
    if (status >= 500) return new LlmFallback("server_error", status);
    return new LlmFallback("bad_request", status);
  }
  const name = (e as { name?: string })?.name ?? "";
  if (name === "TimeoutError" || name === "AbortError") return new LlmFallback("timeout");
  if (/NoObjectGenerated|NoOutputGenerated|ZodError|TypeValidation|JSONParse|SyntaxError/.test(name)) return new LlmFallback("invalid_output");
  return new LlmFallback("network");
}

/** Retry-After in seconds or as an HTTP date, or OpenAI's retry-after-ms; null when absent or invalid. */
export function retryAfterMs(headers: Record<string, string> | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const get = (k: string) => Object.entries(headers).find(([h]) => h.toLowerCase() === k)?.[1];
  const ms = Number(get("retry-after-ms"));
  if (get("retry-after-ms") !== undefined && Number.isFinite(ms) && ms >= 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  const raw = get("retry-after")?.trim();
  if (!raw) return null;
  const secs = Number(raw);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS) : null;
}
