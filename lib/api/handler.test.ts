import { afterEach, describe, expect, it, vi } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { apiRoute, DB_RETRY_AFTER_SECONDS } from "./handler";
import { ApiError } from "./errors";

const failing = (err: unknown) => apiRoute(async () => Promise.reject(err));
const wrapped = (cause: Error) => new DrizzleQueryError('select * from "chat"."conversations" where "id" = $1', ["owner-token-secret"], cause);

describe("apiRoute", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a connection error drizzle wrapped as 503 with Retry-After, logging no SQL parameters", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await failing(wrapped(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })))();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(String(DB_RETRY_AFTER_SECONDS));
    expect(await res.json()).toEqual({ error: { code: "unavailable", message: expect.any(String), details: [] } });
    const logged = log.mock.calls.flat().map(String).join("\n");
    expect(logged).toContain("ECONNREFUSED");
    expect(logged).not.toContain("owner-token-secret");
  });

  it("answers any other error as 500 without Retry-After, logging no SQL parameters", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await failing(wrapped(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" })))();
    expect(res.status).toBe(500);
    expect(res.headers.get("retry-after")).toBeNull();
    expect((await res.json()).error.code).toBe("internal");
    const logged = log.mock.calls.flat().map(String).join("\n");
    expect(logged).toContain("23505");
    expect(logged).not.toContain("owner-token-secret");
  });

  it("passes an ApiError through as its own response", async () => {
    const res = await failing(new ApiError("not_found", "no such conversation"))();
    expect(res.status).toBe(404);
  });
});
