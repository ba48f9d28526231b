import type { z } from "zod";
import { ApiError, validationError } from "./errors";

export const MAX_BODY_BYTES = 64 * 1024;

/** Read and validate a JSON body: 415 when not JSON, 413 when too large, 400 naming each bad field. */
export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  opts: { optional?: boolean; maxBytes?: number } = {},
): Promise<z.output<S>> {
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ApiError("payload_too_large", `Body is larger than ${maxBytes} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new ApiError("payload_too_large", `Body is larger than ${maxBytes} bytes`);
  if (text.trim() === "" && opts.optional) return parse(schema, {});
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Body is not valid JSON", [{ path: "(body)", issue: "malformed JSON" }]);
  }
  return parse(schema, json);
}

export function parse<S extends z.ZodType>(schema: S, value: unknown, what = "body"): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, what);
  return r.data;
}
