/** Tiny typed accessors for upstream JSON objects (keys may be missing or null). */

export type RawObject = Record<string, unknown>;

export function asObject(obj: unknown, what = "record"): RawObject {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
    throw new TypeError(`${what}: expected a JSON object`);
  }
  return obj as RawObject;
}

export function str(o: RawObject, key: string): string | null {
  const v = o[key];
  return typeof v === "string" && v !== "" ? v : null;
}

export function requiredStr(o: RawObject, key: string, what = "record"): string {
  const v = str(o, key);
  if (v === null) throw new TypeError(`${what}: missing string field "${key}"`);
  return v;
}

export function num(o: RawObject, key: string): number | null {
  const v = o[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function int(o: RawObject, key: string): number | null {
  const v = num(o, key);
  return v === null ? null : Math.round(v);
}

export function bool(o: RawObject, key: string): boolean | null {
  const v = o[key];
  return typeof v === "boolean" ? v : null;
}

export function strArr(o: RawObject, key: string): string[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x !== "") : [];
}
