// V8 flags for the processes that run embedded PGlite (the server and the catalog seeding child).
// PGlite is Postgres compiled to WebAssembly (9 MB). V8's optimizing WebAssembly compiler (TurboFan)
// needs about 400 MB of transient memory to compile it at start-up; its baseline compiler (Liftoff)
// needs almost none, and on this workload the optimized code buys nothing measurable
// (docs/BENCHMARKS.md#first-start). Lazy compilation compiles only the functions actually called.
// Used by scripts/serve.mjs (npm start), db/catalog/seed-process.ts (the first-start child) and the e2e tests.
export const PGLITE_NODE_FLAGS = ["--liftoff-only", "--wasm-lazy-compilation"];
