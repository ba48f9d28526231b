/**
 * Skips the LLM after `threshold` provider failures in a row, for `cooldownMs`; after the
 * cool-down one call is let through (half-open) and one more failure opens it again. A 429's
 * Retry-After also holds calls until it has passed. Pure: the clock is passed in.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private retryUntil = 0;

  constructor(
    readonly threshold: number,
    readonly cooldownMs: number,
  ) {}

  /** Why a call must be skipped now, or null when it may go ahead. */
  gate(now: number): "retry_after" | "circuit_open" | null {
    if (now < this.retryUntil) return "retry_after";
    if (now < this.openUntil) return "circuit_open";
    return null;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
  }

  failure(now: number, retryAfterMs: number | null = null): void {
    this.failures++;
    if (retryAfterMs !== null) this.retryUntil = Math.max(this.retryUntil, now + retryAfterMs);
    if (this.failures >= this.threshold) this.openUntil = now + this.cooldownMs;
  }

  /** When calls resume (ms epoch), or null when they are not held. */
  resumesAt(now: number): number | null {
    const t = Math.max(this.retryUntil, this.openUntil);
    return t > now ? t : null;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}
