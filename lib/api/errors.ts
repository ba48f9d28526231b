import type { z } from "zod";

export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface ErrorDetail {
  path: string;
  issue: string;
}

/** The contract's error: `{ error: { code, message, details } }` with a fitting status. */
export class ApiError extends Error {
  constructor(
    public readonly code: ApiErrorCode,
    message: string,
    public readonly details: ErrorDetail[] = [],
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status() {
    return STATUS[this.code];
  }

  toResponse(): Response {
    return Response.json(
      { error: { code: this.code, message: this.message, details: this.details } },
      { status: this.status, headers: this.headers },
    );
  }
}

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.flatMap((i) => {
    const at = i.path.map(String);
    // Unknown fields: one detail per key, so the path names the field.
    if (i.code === "unrecognized_keys") {
      return i.keys.map((k) => ({ path: [...at, k].join("."), issue: "unknown field" }));
    }
    return [{ path: at.length ? at.join(".") : "(body)", issue: i.message }];
  });
}

export function validationError(error: z.ZodError, what = "body"): ApiError {
  const details = zodDetails(error);
  const fields = [...new Set(details.map((d) => d.path))].join(", ");
  return new ApiError("bad_request", `Invalid ${what}: check ${fields}`, details);
}
