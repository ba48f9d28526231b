import { classifyLlmError, type LlmFallbackReason } from "./llm-failure";
import { LlmMonitor, type LlmStage } from "./llm-monitor";
import type { LlmEngine } from "./provider";

export type StageResult<T> = { ok: true; value: T } | { ok: false; reason: LlmFallbackReason; status: number | null };

/** Below this much budget a call is not started (it could not finish). */
const MIN_CALL_MS = 200;

/**
 * One chat turn's use of the LLM: a single time budget (`LLM_TIMEOUT_MS`) shared by every call
 * of the turn, the circuit breaker asked before each stage, and every fallback recorded and
 * logged once by the monitor.
 */
export class LlmTurn {
  private spentMs = 0;
  readonly monitor: LlmMonitor;

  constructor(readonly engine: LlmEngine) {
    this.monitor = engine.monitor ?? new LlmMonitor({ failureThreshold: 3, cooldownMs: 60_000 }, engine.label, () => {});
  }

  remainingMs(): number {
    return Math.max(0, Math.floor(this.engine.timeoutMs - this.spentMs));
  }

  /**
   * Run one stage (its calls share the abort signal, which fires when the turn's budget is spent).
   * Never throws: a failure comes back as a reason code, already logged.
   */
  async run<T>(stage: LlmStage, fn: (signal: AbortSignal) => Promise<T>): Promise<StageResult<T>> {
    const held = this.monitor.breaker.gate(this.monitor.now());
    if (held) return this.fail(stage, held, null, null, 0);
    const remaining = this.remainingMs();
    if (remaining < MIN_CALL_MS) return this.fail(stage, "budget_exhausted", null, null, 0);
    const signal = AbortSignal.timeout(Math.floor(remaining));
    const t0 = performance.now();
    try {
      const value = await fn(signal);
      this.spentMs += performance.now() - t0;
      this.monitor.success(stage);
      return { ok: true, value };
    } catch (err) {
      const ms = performance.now() - t0;
      this.spentMs += ms;
      const f = classifyLlmError(err, signal.aborted);
      return this.fail(stage, f.reason, f.status, f.retryAfterMs, ms);
    }
  }

  private fail(stage: LlmStage, reason: LlmFallbackReason, status: number | null, retryAfterMs: number | null, ms: number): StageResult<never> {
    this.monitor.fallback(stage, reason, status, retryAfterMs, ms);
    return { ok: false, reason, status };
  }
}

/** The note a response carries for a fallback: `<stage>:<reason>` (a code, never provider text). */
export const fallbackNote = (stage: LlmStage, reason: LlmFallbackReason) => `${stage}:${reason}`;
