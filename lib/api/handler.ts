import { ApiError } from "./errors";
import { describeFault, isDatabaseUnavailable } from "@/db/faults";

/**
 * Seconds a client should wait before retrying after a 503 for an unreachable database. An assumption,
 * not a measurement: the database client gives up on a connect after 2 s (db/client.ts) and reconnects
 * on the next query, so a retry after about that long is the earliest that can succeed.
 */
export const DB_RETRY_AFTER_SECONDS = 2;

/**
 * Wraps a route handler: ApiError becomes its contract response; anything else is logged (root cause's
 * code and message only, never the SQL parameters) and answered as 503 with Retry-After when the
 * database is unreachable, else 500 (never for bad input).
 */
export function apiRoute<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      if (err instanceof ApiError) return err.toResponse();
      const fault = describeFault(err);
      if (isDatabaseUnavailable(err)) {
        console.error(`[api] database unavailable: ${fault.code ?? fault.name}: ${fault.message}`);
        return new ApiError("unavailable", "The database is unavailable, try again shortly", [], {
          "Retry-After": String(DB_RETRY_AFTER_SECONDS),
        }).toResponse();
      }
      console.error(`[api] unhandled error: ${fault.name}${fault.code ? ` (${fault.code})` : ""}: ${fault.message}\n${fault.frames.join("\n")}`);
      return new ApiError("internal", "Something went wrong on our side").toResponse();
    }
  };
}
