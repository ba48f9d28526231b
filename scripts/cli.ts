// Shared start of every command-line script: settings from .env (as the server reads them),
// validated once, and arguments parsed with one clear line (and exit code 2) for anything wrong.
import fs from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError, config, type AppConfig } from "@/lib/config";
import { loadEnvFiles } from "@/lib/env-files";

export function fail(script: string, message: string): never {
  console.error(`${script}: ${message}`);
  process.exit(2);
}

/** Load .env files and validate every setting; a bad one stops the script with one line naming it. */
export function scriptConfig(script: string): AppConfig {
  loadEnvFiles();
  try {
    return config();
  } catch (err) {
    if (err instanceof ConfigError) fail(script, err.message);
    throw err;
  }
}

/** node:util parseArgs, strict, with a one-line error and the usage instead of a stack trace. */
export function scriptArgs<T extends NonNullable<ParseArgsConfig["options"]>>(script: string, options: T, usage: string) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    fail(script, `${(err as Error).message.split("\n")[0]} (usage: ${usage})`);
  }
}

/** An existing directory given on the command line (resolved), or a one-line error naming the flag. */
export function existingDir(script: string, flag: string, value: string, mustContain?: string): string {
  const dir = path.resolve(value);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail(script, `${flag} ${value}: no such directory`);
  if (mustContain && !fs.existsSync(path.join(dir, mustContain))) fail(script, `${flag} ${value}: has no ${mustContain}`);
  return dir;
}
