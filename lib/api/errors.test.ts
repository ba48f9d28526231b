import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, validationError } from "./errors";

describe("validation errors", () => {
  const schema = z.object({ conversation_id: z.uuid(), message: z.string().min(1), opts: z.object({ k: z.number() }).strict() }).strict();

  it("name each bad field, unknown keys included", () => {
    const r = schema.safeParse({ conversation_id: "x", message: "", extra: 1, opts: { k: "a", z: 2 } });
    const e = validationError(r.error!);
    expect(e.status).toBe(400);
    expect(e.details.map((d) => d.path).sort()).toEqual(["conversation_id", "extra", "message", "opts.k", "opts.z"]);
    expect(e.message).toMatch(/conversation_id/);
  });

  it("serializes to the contract's error shape with headers", async () => {
    const res = new ApiError("rate_limited", "slow down", [], { "Retry-After": "3" }).toResponse();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await res.json()).toEqual({ error: { code: "rate_limited", message: "slow down", details: [] } });
  });
});
