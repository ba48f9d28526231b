import net from "node:net";
import { describe, expect, it } from "vitest";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describeFault, errorChain, isDatabaseUnavailable, rootCause } from "./faults";

/** A Node system error as net.Socket raises it. */
function sysError(code: string, message = `connect ${code} 127.0.0.1:5432`) {
  return Object.assign(new Error(message), { code, errno: -111, syscall: "connect", address: "127.0.0.1", port: 5432 });
}

/** A server error as postgres.js raises it (PostgresError: Error with the ErrorResponse fields). */
function pgError(code: string, message: string) {
  return Object.assign(new postgres.PostgresError(message as never), { severity: "ERROR", code, message });
}

/** drizzle's wrapper, with parameters that must never be logged. */
const wrap = (cause: unknown) => new DrizzleQueryError('insert into "chat"."messages" ("content") values ($1)', ["my secret message"], cause as Error);

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe("isDatabaseUnavailable", () => {
  it("sees the connection error drizzle wraps from a real postgres.js query to a closed port", async () => {
    const client = postgres(`postgres://nobody@127.0.0.1:${await closedPort()}/none`, { max: 1, connect_timeout: 2, onnotice: () => {} });
    const db = drizzle({ client });
    const err = await db.execute(sql`select ${"my secret"}::text`).then(
      () => null,
      (e: unknown) => e,
    );
    await client.end({ timeout: 0 });
    expect(err).toBeInstanceOf(DrizzleQueryError);
    expect((err as { code?: string }).code).toBeUndefined(); // the wrapper alone says nothing: the old check missed it
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect((rootCause(err) as { code?: string }).code).toBe("ECONNREFUSED");
    const logged = describeFault(err);
    expect(logged.code).toBe("ECONNREFUSED");
    expect(JSON.stringify(logged)).not.toContain("my secret");
  });

  it.each([
    "ECONNREFUSED",
    "ECONNRESET",
    "EPIPE",
    "ETIMEDOUT",
    "ENOTFOUND",
    "EHOSTUNREACH",
    "EAI_AGAIN",
    "CONNECT_TIMEOUT",
    "CONNECTION_CLOSED",
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
  ])("counts %s under a drizzle wrapper", (code) => {
    expect(isDatabaseUnavailable(wrap(sysError(code)))).toBe(true);
  });

  it.each([
    ["08000", "connection_exception"],
    ["08003", "connection_does_not_exist"],
    ["08006", "connection_failure"],
    ["08P01", "protocol_violation"],
    ["57P01", "terminating connection due to administrator command"],
    ["57P02", "crash_shutdown"],
    ["57P03", "the database system is starting up"],
    ["53300", "sorry, too many clients already"],
    ["57014", "canceling statement due to statement timeout"],
  ])("counts SQLSTATE %s (%s) under a drizzle wrapper", (code, message) => {
    expect(isDatabaseUnavailable(wrap(pgError(code, message)))).toBe(true);
  });

  it("follows nested causes to the connection error", () => {
    const inner = sysError("ECONNRESET", "read ECONNRESET");
    const err = new Error("chat service failed", { cause: wrap(new Error("transaction failed", { cause: inner })) });
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(rootCause(err)).toBe(inner);
  });

  it("looks into an AggregateError's errors (happy-eyeballs connect to ::1 and 127.0.0.1)", () => {
    const agg = new AggregateError([sysError("ECONNREFUSED", "connect ECONNREFUSED ::1:5432"), sysError("ECONNREFUSED")], "");
    expect(isDatabaseUnavailable(wrap(agg))).toBe(true);
    expect((rootCause(wrap(agg)) as Error).message).toBe("connect ECONNREFUSED ::1:5432");
  });

  it.each([
    ["a plain error", new Error("boom")],
    ["a TypeError", new TypeError("cannot read properties of undefined")],
    ["a unique violation (23505)", wrap(pgError("23505", "duplicate key value violates unique constraint"))],
    ["a missing table (42P01)", wrap(pgError("42P01", 'relation "x" does not exist'))],
    ["a syntax error (42601)", wrap(pgError("42601", "syntax error at or near"))],
    ["a bad uuid (22P02)", wrap(pgError("22P02", "invalid input syntax for type uuid"))],
    ["a code that only starts like class 08", wrap(pgError("0800", "not a SQLSTATE"))],
    ["a numeric code", Object.assign(new Error("x"), { code: 8006 })],
    ["an unrelated error code", sysError("ENOENT")],
    ["an AggregateError of plain errors", new AggregateError([new Error("a"), new Error("b")])],
    ["a drizzle wrapper without cause", new DrizzleQueryError("select 1", [], undefined as never)],
    ["null", null],
    ["undefined", undefined],
    ["a string", "ECONNREFUSED"],
  ])("does not count %s", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });

  it("stops on a cycle of causes", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
    expect(errorChain(a)).toEqual([a, b]);
    expect(rootCause(a)).toBe(b);
    (b as { code?: string }).code = "ECONNRESET";
    expect(isDatabaseUnavailable(a)).toBe(true);
  });
});

describe("describeFault", () => {
  it("gives the root cause's name, code and message, never the SQL parameters", () => {
    const d = describeFault(wrap(pgError("57P01", "terminating connection due to administrator command")));
    expect(d).toMatchObject({ name: "PostgresError", code: "57P01", message: "terminating connection due to administrator command" });
    expect(JSON.stringify(d)).not.toContain("my secret message");
  });

  it("cuts the params out of a drizzle message when the wrapper is the root", () => {
    const d = describeFault(new DrizzleQueryError("select $1", ["my secret message"], undefined as never));
    expect(d.message).toContain("select $1");
    expect(JSON.stringify(d)).not.toContain("my secret message");
    expect(d.frames.every((f) => /^\s+at /.test(f))).toBe(true);
  });

  it("copes with values that are not errors", () => {
    expect(describeFault("boom")).toEqual({ name: "string", code: null, message: "boom", frames: [] });
    expect(describeFault(Object.create(null)).message).toBe("(unprintable)");
  });
});
