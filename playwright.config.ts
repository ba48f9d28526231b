import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** When set, the real-backend e2e tests also run against a second server on PostgreSQL. */
const PG_URL = process.env.E2E_DATABASE_URL;
const PG_PORT = PORT + 1;

const serverEnv = {
  EMBEDDINGS: "none",
  OPENAI_API_KEY: "",
  NEXT_TELEMETRY_DISABLED: "1",
};

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "pglite", use: { baseURL: `http://127.0.0.1:${PORT}` } },
    ...(PG_URL ? [{ name: "postgres", testMatch: /app\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PG_PORT}` } }] : []),
  ],
  // Both servers serve the build made once by the test script (npm test) before Playwright starts.
  webServer: [
    {
      command: "node scripts/serve.mjs", // as npm start serves (same Node flags)
      url: `http://127.0.0.1:${PORT}/api/v1`,
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      env: { ...serverEnv, PORT: String(PORT), HOST: "127.0.0.1", PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/pglite-e2e" },
    },
    ...(PG_URL
      ? [{
          command: "node scripts/serve.mjs",
          url: `http://127.0.0.1:${PG_PORT}/api/v1`,
          timeout: 180_000,
          reuseExistingServer: !process.env.CI,
          stdout: "pipe" as const,
          env: { ...serverEnv, PORT: String(PG_PORT), HOST: "127.0.0.1", DATABASE_URL: PG_URL },
        }]
      : []),
  ],
});
