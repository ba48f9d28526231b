import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { readJsonl } from "../jsonl";

const fixture = fileURLToPath(new URL("./__fixtures__/models.jsonl", import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), "jsonl-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(p: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const o of readJsonl(p)) out.push(o);
  return out;
}

describe("readJsonl", () => {
  it("streams a plain JSONL file", async () => {
    const rows = await collect(fixture);
    expect(rows).toHaveLength(19);
    expect((rows[0] as { id: string }).id).toBe("09panesara/distilbert-base-uncased-finetuned-cola");
  });

  it("streams a .gz file identically", async () => {
    const gz = path.join(tmp, "models.jsonl.gz");
    writeFileSync(gz, gzipSync(readFileSync(fixture)));
    expect(await collect(gz)).toEqual(await collect(fixture));
  });

  it("skips blank lines and reports the line number of bad JSON", async () => {
    const p = path.join(tmp, "bad.jsonl");
    writeFileSync(p, '{"a":1}\n\n{"a":2}\n{oops\n');
    await expect(collect(p)).rejects.toThrow(/bad\.jsonl:4: invalid JSON/);
  });
});
