import type { NextConfig } from "next";
import { ConfigError, parseConfig } from "./lib/config";

// Validate every setting once, before build or start: one clear line naming a bad setting.
try {
  parseConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`stack8s: ${err.message}`);
    process.exit(1);
  }
  throw err;
}

const nextConfig: NextConfig = {
  // `npm test` (and `npm run typecheck`) type-check the whole project, tests included, with tsc;
  // skipping the same check inside `next build` takes about 15 s off every build and first start.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Next.js loads every route's code right after "Ready" by default: on 2 cores that makes the
    // first request, health included, wait about a second. Each route then loads on first use instead.
    preloadEntriesOnStart: false,
  },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "@huggingface/transformers",
    "@kubernetes/client-node",
    "onnxruntime-node",
    "postgres",
  ],
  turbopack: {
    rules: {
      "*.css": { loaders: ["@tailwindcss/turbopack"], as: "*.css" },
    },
  },
};

export default nextConfig;
