/**
 * z2jh passes `singleuser.profileList` through to KubeSpawner's `profile_list` and its schema does not
 * describe the entries, so they are checked here: the profile keys KubeSpawner reads (display_name,
 * slug, description, default, kubespawner_override, profile_options) and, in kubespawner_override,
 * the KubeSpawner traits the files set, with their types (KubeSpawner configuration reference,
 * jupyterhub-kubespawner.readthedocs.io/en/latest/spawner.html: cpu_limit / cpu_guarantee are floats,
 * mem_limit / mem_guarantee byte specifications such as "16G", extra_resource_limits and
 * node_selector dicts of strings, tolerations a list).
 */
const PROFILE_KEYS = new Set(["display_name", "slug", "description", "default", "kubespawner_override", "profile_options"]);
const OVERRIDE_TYPES: Record<string, (v: unknown) => boolean> = {
  cpu_limit: (v) => typeof v === "number" && v > 0,
  cpu_guarantee: (v) => typeof v === "number" && v > 0,
  mem_limit: (v) => typeof v === "string" && /^[0-9]+(\.[0-9]+)?[KMGT]?$/.test(v),
  mem_guarantee: (v) => typeof v === "string" && /^[0-9]+(\.[0-9]+)?[KMGT]?$/.test(v),
  extra_resource_limits: stringMap,
  extra_resource_guarantees: stringMap,
  node_selector: stringMap,
  tolerations: (v) => Array.isArray(v),
  image: (v) => typeof v === "string",
};

function stringMap(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}

export function profileListErrors(list: unknown): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return ["/singleuser/profileList: not a list"];
  const errors: string[] = [];
  list.forEach((p, i) => {
    const at = `/singleuser/profileList/${i}`;
    if (typeof p !== "object" || p === null) return errors.push(`${at}: not a mapping`);
    const entry = p as Record<string, unknown>;
    for (const k of Object.keys(entry)) if (!PROFILE_KEYS.has(k)) errors.push(`${at}/${k}: not a KubeSpawner profile key`);
    if (typeof entry.display_name !== "string" || !entry.display_name) errors.push(`${at}/display_name: required`);
    const o = entry.kubespawner_override;
    if (o === undefined) return;
    if (typeof o !== "object" || o === null) return errors.push(`${at}/kubespawner_override: not a mapping`);
    for (const [k, v] of Object.entries(o)) {
      const check = OVERRIDE_TYPES[k];
      if (!check) errors.push(`${at}/kubespawner_override/${k}: not a KubeSpawner trait the files set`);
      else if (!check(v)) errors.push(`${at}/kubespawner_override/${k}: wrong type (${JSON.stringify(v)})`);
    }
  });
  return errors;
}
