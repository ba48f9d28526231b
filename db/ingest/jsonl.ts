import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

/**
 * Stream a JSON Lines file (plain or `.gz`) one parsed object at a time.
 * Blank lines are skipped; a malformed line throws with its path and line number.
 */
export async function* readJsonl(path: string): AsyncGenerator<unknown> {
  const file = createReadStream(path);
  const input: Readable = path.endsWith(".gz") ? file.pipe(createGunzip()) : file;
  if (input !== file) file.on("error", (err) => input.destroy(err));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === "") continue;
      try {
        yield JSON.parse(line) as unknown;
      } catch (err) {
        throw new Error(`${path}:${lineNo}: invalid JSON (${(err as Error).message})`);
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
