/**
 * For charts without a schema: every key path a values file sets must exist in the chart's default
 * values.yaml with a compatible type. Under an empty default map (`nodeSelector: {}`,
 * `resources: {}`) any keys are legal; a default list (`[]` or not) accepts any list; a null
 * default accepts anything; numbers and numeric strings stand in for each other as Kubernetes
 * quantities do.
 */
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function kind(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "list";
  return typeof v === "object" ? "map" : typeof v;
}

export function keyPathErrors(values: unknown, defaults: unknown, at = ""): string[] {
  if (!isMap(values)) return [];
  if (!isMap(defaults)) return [`${at || "/"}: a map where the chart has ${kind(defaults)}`];
  if (Object.keys(defaults).length === 0) return []; // free-form map
  const errors: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    const p = `${at}/${k}`;
    if (!(k in defaults)) {
      errors.push(`${p}: not a key of the chart's values.yaml`);
      continue;
    }
    const def = defaults[k];
    const dk = kind(def);
    const vk = kind(v);
    if (dk === "null" || vk === "null") continue;
    if (dk === "map") {
      errors.push(...keyPathErrors(v, def, p));
    } else if (dk !== vk && !((dk === "number" && vk === "string" && /^[0-9.]+[a-zA-Z]*$/.test(String(v))) || (dk === "string" && vk === "number"))) {
      errors.push(`${p}: ${vk} where the chart has ${dk}`);
    }
  }
  return errors;
}
