import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";

describe("CircuitBreaker", () => {
  it("opens after `threshold` failures in a row, for the cool-down, then lets one call through", () => {
    const b = new CircuitBreaker(3, 60_000);
    b.failure(0);
    b.failure(1);
    expect(b.gate(2)).toBeNull();
    b.failure(2);
    expect(b.gate(3)).toBe("circuit_open");
    expect(b.resumesAt(3)).toBe(60_002);
    expect(b.gate(60_002)).toBeNull(); // half-open
    b.failure(60_002); // still failing: open again at once
    expect(b.gate(60_003)).toBe("circuit_open");
  });

  it("a success closes it and resets the count", () => {
    const b = new CircuitBreaker(2, 1_000);
    b.failure(0);
    b.success();
    b.failure(1);
    expect(b.gate(2)).toBeNull();
    expect(b.consecutiveFailures).toBe(1);
  });

  it("Retry-After holds calls until it has passed, even below the threshold", () => {
    const b = new CircuitBreaker(5, 1_000);
    b.failure(0, 30_000);
    expect(b.gate(29_999)).toBe("retry_after");
    expect(b.resumesAt(10)).toBe(30_000);
    expect(b.gate(30_000)).toBeNull();
  });
});
