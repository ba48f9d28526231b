import { describe, expect, it } from "vitest";
import { APICallError, RetryError } from "ai";
import { classifyLlmError, LlmFallback, retryAfterMs } from "./llm-failure";

const apiError = (statusCode: number | undefined, headers: Record<string, string> = {}) =>
  new APICallError({ message: "Incorrect API key provided: sk-ab****cdef", url: "http://x", requestBodyValues: {}, statusCode, responseHeaders: headers });

describe("classifyLlmError", () => {
  it.each([
    [401, "auth_failed"], [403, "auth_failed"], [429, "rate_limited"], [400, "bad_request"], [404, "bad_request"], [500, "server_error"], [503, "server_error"],
  ])("HTTP %i → %s, with the status and never the provider's text", (status, reason) => {
    const f = classifyLlmError(apiError(status), false);
    expect(f).toMatchObject({ reason, status });
    expect(f.message).not.toMatch(/sk-|Incorrect/);
  });

  it("no HTTP answer is `network`; our budget firing is `timeout`; a wrapped retry error is unwrapped", () => {
    expect(classifyLlmError(apiError(undefined), false).reason).toBe("network");
    expect(classifyLlmError(apiError(500), true).reason).toBe("timeout");
    expect(classifyLlmError(new DOMException("The operation timed out.", "TimeoutError"), false).reason).toBe("timeout");
    const wrapped = new RetryError({ message: "failed", reason: "maxRetriesExceeded", errors: [apiError(429, { "retry-after": "7" })] });
    expect(classifyLlmError(wrapped, false)).toMatchObject({ reason: "rate_limited", retryAfterMs: 7_000 });
    expect(classifyLlmError(new LlmFallback("refusal"), true).reason).toBe("refusal");
  });
});

describe("retryAfterMs", () => {
  it("reads seconds, an HTTP date and retry-after-ms, capped at 10 minutes", () => {
    expect(retryAfterMs({ "Retry-After": "20" })).toBe(20_000);
    expect(retryAfterMs({ "retry-after-ms": "1500" })).toBe(1_500);
    expect(retryAfterMs({ "retry-after": new Date(60_000).toUTCString() }, 0)).toBe(60_000);
    expect(retryAfterMs({ "retry-after": "86400" })).toBe(600_000);
    expect(retryAfterMs({ "retry-after": "soon" })).toBeNull();
    expect(retryAfterMs({})).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
