import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFiles } from "./env-files";

const KEYS = ["S8_TEST_A", "S8_TEST_B", "S8_TEST_C"];
afterEach(() => KEYS.forEach((k) => delete process.env[k]));

describe("loadEnvFiles (the scripts' .env, as next start reads it)", () => {
  it("loads .env.local over .env, and never replaces a variable already set", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "env-files-"));
    try {
      fs.writeFileSync(path.join(dir, ".env"), "S8_TEST_A=from-env\nS8_TEST_B=from-env\nS8_TEST_C=from-env\n");
      fs.writeFileSync(path.join(dir, ".env.local"), "S8_TEST_B=from-local\n");
      process.env.S8_TEST_C = "from-shell";
      loadEnvFiles(dir);
      expect(process.env.S8_TEST_A).toBe("from-env");
      expect(process.env.S8_TEST_B).toBe("from-local");
      expect(process.env.S8_TEST_C).toBe("from-shell");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does nothing without .env files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "env-files-"));
    loadEnvFiles(dir);
    expect(process.env.S8_TEST_A).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
