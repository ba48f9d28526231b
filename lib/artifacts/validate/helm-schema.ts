/**
 * Helm values against a chart's values.schema.json, as Helm checks them: the chart's defaults
 * merged with the file (maps merge, lists and scalars replace), validated with the draft the
 * schema declares (draft-07 or 2020-12).
 */
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Helm's coalescing of a values file over the chart's defaults; `null` deletes a default key. */
export function helmMerge(defaults: unknown, override: unknown): unknown {
  if (!isMap(defaults) || !isMap(override)) return override === undefined ? defaults : override;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(override)) {
    if (v === null) delete out[k];
    else out[k] = helmMerge(defaults[k], v);
  }
  return out;
}

const compiled = new WeakMap<object, ValidateFunction>();

/** An ajv instance for the schema's `$schema` (2020-12, else draft-07), non-strict about upstream's unknown keywords. */
export function compileSchema(schema: Record<string, unknown>, extend?: (ajv: Ajv) => void): ValidateFunction {
  const hit = compiled.get(schema);
  if (hit) return hit;
  const draft2020 = String(schema.$schema ?? "").includes("2020-12");
  const ajv = draft2020 ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv as Ajv);
  extend?.(ajv as Ajv);
  const { $schema: _s, ...body } = schema; // the https draft-07 URL variant is not registered in ajv; the instance already picks the draft
  const fn = ajv.compile(body);
  compiled.set(schema, fn);
  return fn;
}

export function schemaErrors(fn: ValidateFunction, data: unknown): string[] {
  return fn(data) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params && "additionalProperty" in e.params ? ` (${e.params.additionalProperty})` : ""}`);
}

export function validateHelmValues(values: unknown, defaults: unknown, schema: Record<string, unknown>): string[] {
  return schemaErrors(compileSchema(schema), helmMerge(defaults, values));
}
