/**
 * SkyPilot task files, validated the way SkyPilot does (`Task.from_yaml_config`): the task against
 * the task schema, then `resources:` against the resources schema, with SkyPilot's custom
 * `case_insensitive_enum` / `case_sensitive_enum` keywords, envs and secrets stringified and
 * top-level nulls dropped. The `infra` pattern uses Python's scoped flags `(?i:…)`; JavaScript
 * (ES2025 regexp modifiers, Node ≥ 23) reads that syntax natively, so the schema is kept whole.
 */
import type Ajv from "ajv";
import { compileSchema, schemaErrors } from "./helm-schema";
import { skypilotSchema } from "./reference";

function skypilotKeywords(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: "case_insensitive_enum",
    type: "string",
    schemaType: "array",
    validate: (allowed: string[], data: string) => allowed.some((a) => a.toLowerCase() === data.toLowerCase()),
    errors: false,
  });
  ajv.addKeyword({
    keyword: "case_sensitive_enum",
    type: "string",
    schemaType: "array",
    validate: (allowed: string[], data: string) => allowed.includes(data),
    errors: false,
  });
}

const stringify = (m: unknown) =>
  m && typeof m === "object" && !Array.isArray(m) ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === null ? null : String(v)])) : m;

function normalize(task: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(task)) if (v !== null && v !== undefined) out[k] = k === "envs" || k === "secrets" ? stringify(v) : v;
  return out;
}

export function validateSkypilotTask(task: unknown): string[] {
  if (!task || typeof task !== "object" || Array.isArray(task)) return ["/ the task is not a mapping"];
  const t = normalize(task as Record<string, unknown>);
  const errors = schemaErrors(compileSchema(skypilotSchema("task"), skypilotKeywords), t).map((e) => `task ${e}`);
  const resources = t.resources;
  if (resources !== undefined) errors.push(...schemaErrors(compileSchema(skypilotSchema("resources"), skypilotKeywords), resources).map((e) => `resources ${e}`));
  return errors;
}
