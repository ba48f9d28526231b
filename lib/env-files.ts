import fs from "node:fs";
import path from "node:path";

/**
 * For the command-line scripts (catalog:*, bench; see scripts/cli.ts), before the first
 * `config()` call: load `.env.local`, then `.env`, from `dir` into process.env as `next start`
 * does (variables already set win, and `.env.local` wins over `.env`), so scripts and server read
 * the same settings. The server itself never calls this: Next.js loads them first.
 */
export function loadEnvFiles(dir: string = process.cwd()): void {
  for (const name of [".env.local", ".env"]) {
    const file = path.join(dir, name);
    // process.loadEnvFile never overwrites a variable that is already set.
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}
