/**
 * Database faults: which errors mean "the database cannot be reached right now" (answer 503 and let
 * the client retry) rather than a bug (500). Drivers and ORMs wrap the driver's error: drizzle throws
 * a DrizzleQueryError whose `cause` is the postgres.js error, and Node's happy-eyeballs connect throws
 * an AggregateError whose `errors` hold one error per address tried. So the whole chain is searched.
 *
 * Pure: no imports, no I/O.
 */

/** Node socket codes for a server that cannot be reached or dropped the connection (Node docs, "Common system errors"). */
const NODE_CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EAI_AGAIN"]);

/** postgres.js's own connection errors (postgres/src/errors.js `Errors.connection`, raised in src/connection.js and src/index.js). */
const DRIVER_CONNECTION_CODES = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED"]);

/**
 * SQLSTATEs that are about the connection or the server's state, not the statement (PostgreSQL docs,
 * Appendix A "PostgreSQL Error Codes"): 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now, 53300 too_many_connections, 57014 query_canceled (statement_timeout).
 */
const SQLSTATE_CODES = new Set(["57P01", "57P02", "57P03", "53300", "57014"]);

/** Class 08, "Connection Exception" (08000, 08003, 08006, 08001, 08004, 08007, 08P01). */
const SQLSTATE_CONNECTION_CLASS = /^08[0-9A-Z]{3}$/;

/** Chains longer than this are cut (a cycle or a pathological wrapper), never followed forever. */
const MAX_CHAIN = 32;

function codeOf(e: unknown): string | undefined {
  if (e === null || typeof e !== "object") return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function nextOf(e: unknown): unknown[] {
  if (e === null || typeof e !== "object") return [];
  const out: unknown[] = [];
  const cause = (e as { cause?: unknown }).cause;
  if (cause !== undefined && cause !== null) out.push(cause);
  const errors = (e as { errors?: unknown }).errors;
  if (e instanceof AggregateError && Array.isArray(errors)) out.push(...errors);
  return out;
}

/** Every error in the chain, `err` first, breadth first (each `cause`, then an AggregateError's `errors`), no repeats. */
export function errorChain(err: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  const out: unknown[] = [];
  while (queue.length && out.length < MAX_CHAIN) {
    const e = queue.shift();
    if (seen.has(e)) continue;
    seen.add(e);
    out.push(e);
    queue.push(...nextOf(e));
  }
  return out;
}

/**
 * The innermost error: follow `cause` to its end; an AggregateError without a cause goes on into its
 * first error. A cycle stops at the last error not yet seen.
 */
export function rootCause(err: unknown): unknown {
  const seen = new Set<unknown>([err]);
  let cur = err;
  for (let i = 0; i < MAX_CHAIN; i++) {
    const next = nextOf(cur)[0];
    if (next === undefined || seen.has(next)) break;
    seen.add(next);
    cur = next;
  }
  return cur;
}

/** Whether this one error (not its chain) is a connection-level failure. */
export function isConnectionFault(e: unknown): boolean {
  const code = codeOf(e);
  if (!code) return false;
  return NODE_CONNECTION_CODES.has(code) || DRIVER_CONNECTION_CODES.has(code) || SQLSTATE_CODES.has(code) || SQLSTATE_CONNECTION_CLASS.test(code);
}

/** True when any error in the chain says the database is unreachable, shutting down, full or timed out. */
export function isDatabaseUnavailable(err: unknown): boolean {
  return errorChain(err).some(isConnectionFault);
}

/**
 * What may be logged about an error: the root cause's name, code, message and stack frames, never the SQL
 * parameters (drizzle's message is "Failed query: …\nparams: …"; the params part is cut).
 */
export function describeFault(err: unknown): { name: string; code: string | null; message: string; frames: string[] } {
  const root = rootCause(err);
  if (root instanceof Error) {
    // Only the "    at …" lines of the stack: its first line repeats the message (and its params).
    const frames = (typeof root.stack === "string" ? root.stack : "").split("\n").filter((l) => /^\s+at /.test(l));
    return { name: root.name, code: codeOf(root) ?? null, message: withoutParams(root.message), frames };
  }
  let text: string;
  try {
    text = String(root);
  } catch {
    text = "(unprintable)";
  }
  return { name: typeof root, code: codeOf(root) ?? null, message: withoutParams(text), frames: [] };
}

function withoutParams(message: string): string {
  const at = message.search(/\nparams:/);
  return at === -1 ? message : `${message.slice(0, at)}\nparams: [redacted]`;
}
