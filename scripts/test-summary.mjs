// Adds up vitest's and Playwright's JSON reports into one closing line: "N passed, N failed".
import fs from "node:fs";

let passed = 0, failed = 0, skipped = 0;
const [vitestFile, e2eFile] = process.argv.slice(2);

function read(file) {
  try { return JSON.parse(fs.readFileSync(file, "utf8")); } catch { return null; }
}

const v = read(vitestFile);
if (v) { passed += v.numPassedTests ?? 0; failed += v.numFailedTests ?? 0; skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0); }
else { console.error(`missing vitest report ${vitestFile}`); failed += 1; }

const e = read(e2eFile);
if (e?.stats) { passed += e.stats.expected ?? 0; failed += (e.stats.unexpected ?? 0) + (e.stats.flaky ?? 0); skipped += e.stats.skipped ?? 0; }
else { console.error(`missing e2e report ${e2eFile}`); failed += 1; }

console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
