import { CircuitBreaker } from "./circuit-breaker";
import { isProviderFailure, type LlmFallbackReason } from "./llm-failure";

export type LlmStage = "requirements" | "summary";

/** What health reports about the LLM, from memory (health never calls the LLM). */
export interface LlmStatus {
  /** ok: the provider answered last time; failing: it did not; unknown: not called yet. */
  state: "ok" | "failing" | "unknown";
  /** The last stage's outcome: "ok" or a fallback reason code. */
  last_outcome: "ok" | LlmFallbackReason | null;
  last_stage: LlmStage | null;
  /** The provider's HTTP status on the last provider failure. */
  last_status: number | null;
  last_at: string | null;
  consecutive_failures: number;
  /** Set while the breaker or a Retry-After holds calls: when they resume. */
  resumes_at: string | null;
}

/**
 * Process-wide memory of how the LLM is doing: the circuit breaker, the last outcome for health,
 * and one log line per fallback (a reason code and the provider's status; never a key or text).
 */
export class LlmMonitor {
  readonly breaker: CircuitBreaker;
  private state: LlmStatus["state"] = "unknown";
  private last: { outcome: LlmStatus["last_outcome"]; stage: LlmStage | null; status: number | null; at: number | null } = {
    outcome: null, stage: null, status: null, at: null,
  };

  constructor(
    opts: { failureThreshold: number; cooldownMs: number },
    readonly label: string,
    private readonly log: (line: string) => void = (line) => console.warn(line),
    readonly now: () => number = Date.now,
  ) {
    this.breaker = new CircuitBreaker(opts.failureThreshold, opts.cooldownMs);
  }

  success(stage: LlmStage): void {
    this.breaker.success();
    this.state = "ok";
    this.last = { outcome: "ok", stage, status: null, at: this.now() };
  }

  /** Record and log one fallback. `ms` is how long the stage spent on the LLM. */
  fallback(stage: LlmStage, reason: LlmFallbackReason, status: number | null, retryAfterMs: number | null, ms: number): void {
    const now = this.now();
    if (isProviderFailure(reason)) {
      this.breaker.failure(now, retryAfterMs);
      this.state = "failing";
    } else if (reason !== "circuit_open" && reason !== "retry_after" && reason !== "budget_exhausted") {
      this.breaker.success(); // the provider answered; the answer was not usable
      this.state = "ok";
    }
    this.last = { outcome: reason, stage, status, at: now };
    const retry = retryAfterMs !== null ? ` retry_after_ms=${Math.round(retryAfterMs)}` : "";
    this.log(`[llm] fallback stage=${stage} reason=${reason} status=${status ?? "-"} model=${this.label} ms=${Math.round(ms)}${retry}`);
  }

  status(): LlmStatus {
    const now = this.now();
    const resumes = this.breaker.resumesAt(now);
    return {
      state: this.state,
      last_outcome: this.last.outcome,
      last_stage: this.last.stage,
      last_status: this.last.status,
      last_at: this.last.at === null ? null : new Date(this.last.at).toISOString(),
      consecutive_failures: this.breaker.consecutiveFailures,
      resumes_at: resumes === null ? null : new Date(resumes).toISOString(),
    };
  }
}
