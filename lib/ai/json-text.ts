/**
 * Tolerant reading of a model's JSON answer, for servers that do not enforce `response_format`
 * (older Ollama builds, many local setups): a ```json fenced block, or an object inside prose.
 */

/** The first JSON object in `text`: the whole text, a fenced block, or the outermost `{…}` in prose. */
export function extractJsonObject(text: string): unknown {
  const trimmed = text.trim();
  const direct = tryParse(trimmed);
  if (isObject(direct)) return direct;
  const fence = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/.exec(trimmed);
  if (fence) {
    const inner = tryParse(fence[1].trim());
    if (isObject(inner)) return inner;
  }
  const span = outermostObject(trimmed);
  const found = span === null ? undefined : tryParse(span);
  if (isObject(found)) return found;
  throw new SyntaxError("no JSON object in the answer");
}

/**
 * `null` means "unknown": drop null fields, and objects or arrays left empty by that, recursively.
 * Array items that are null are dropped too.
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(dropNulls);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    const d = dropNulls(v);
    if (isObject(d) && Object.keys(d).length === 0) continue;
    out[k] = d;
  }
  return out;
}

function tryParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The first balanced `{…}` (braces inside JSON strings ignored), or null. */
function outermostObject(s: string): string | null {
  const start = s.indexOf("{");
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return s.slice(start, i + 1);
  }
  return null;
}
