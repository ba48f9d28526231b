import { ApiError } from "./errors";

/**
 * Wraps a route handler: ApiError becomes its contract response; anything else is logged and
 * answered as 503 when the database/provider is unreachable, else 500 (never for bad input).
 */
export function apiRoute<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      if (err instanceof ApiError) return err.toResponse();
      console.error("[api] unhandled error", err);
      if (isUnavailable(err)) {
        return new ApiError("unavailable", "The database is unavailable, try again shortly").toResponse();
      }
      return new ApiError("internal", "Something went wrong on our side").toResponse();
    }
  };
}

function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "CONNECT_TIMEOUT", "57P03", "53300"].includes(code ?? "");
}
