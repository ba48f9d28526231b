/**
 * OpenAI's structured-outputs rules for `response_format: json_schema` with `strict: true`, as the
 * API applies them before generating: every object needs `additionalProperties: false` and every
 * property listed in `required`; some keywords are refused; the root is an object. Messages use
 * OpenAI's 400 wording ("Invalid schema for response_format '<name>': In context=(…), …").
 * Returns the first violation, or null.
 */
type Json = Record<string, unknown>;

const NOT_PERMITTED = ["patternProperties", "unevaluatedProperties", "propertyNames", "minProperties", "maxProperties", "default", "if", "then", "else", "not", "dependentRequired", "dependentSchemas"];
const MAX_DEPTH = 10;
const MAX_PROPERTIES = 5000;

export function strictSchemaViolation(name: string, schema: unknown): string | null {
  const prefix = `Invalid schema for response_format '${name}': `;
  if (!isObj(schema)) return `${prefix}schema must be a JSON Schema of 'type: \"object\"', got 'type: \"None\"'.`;
  if (schema.type !== "object" || schema.anyOf) return `${prefix}schema must be a JSON Schema of 'type: "object"', got 'type: "${String(schema.type ?? "None")}"'.`;
  let properties = 0;
  const walk = (node: unknown, ctx: string[], depth: number): string | null => {
    if (!isObj(node)) return null;
    const where = `In context=(${ctx.map((c) => `'${c}'`).join(", ")}${ctx.length === 1 ? "," : ""}), `;
    for (const kw of NOT_PERMITTED) if (kw in node) return `${where}'${kw}' is not permitted.`;
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (types.includes("object") || node.properties) {
      if (depth > MAX_DEPTH) return `${where}schema exceeds the maximum nesting depth of ${MAX_DEPTH}.`;
      if (node.additionalProperties !== false) return `${where}'additionalProperties' is required to be supplied and to be false.`;
      const props = isObj(node.properties) ? Object.keys(node.properties) : [];
      properties += props.length;
      if (properties > MAX_PROPERTIES) return `${where}too many properties (maximum ${MAX_PROPERTIES}).`;
      const required = Array.isArray(node.required) ? node.required : null;
      const missing = props.filter((p) => !required?.includes(p));
      if (!required || missing.length) {
        return `${where}'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0] ?? props[0]}'.`;
      }
      for (const p of props) {
        const v = walk((node.properties as Json)[p], [...ctx, "properties", p], depth + 1);
        if (v) return v;
      }
    }
    if (node.items) {
      const v = walk(node.items, [...ctx, "items"], depth);
      if (v) return v;
    }
    for (const key of ["anyOf", "allOf", "oneOf"] as const) {
      if (key === "oneOf" && node.oneOf) return `${where}'oneOf' is not permitted.`;
      const list = node[key];
      if (Array.isArray(list)) {
        for (let i = 0; i < list.length; i++) {
          const v = walk(list[i], [...ctx, key, String(i)], depth);
          if (v) return v;
        }
      }
    }
    for (const key of ["$defs", "definitions"] as const) {
      const defs = node[key];
      if (isObj(defs)) {
        for (const [k, d] of Object.entries(defs)) {
          const v = walk(d, [...ctx, key, k], depth);
          if (v) return v;
        }
      }
    }
    return null;
  };
  const v = walk(schema, [], 1);
  return v ? prefix + v : null;
}

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
