// `next start` on HOST/PORT (defaults 127.0.0.1:3000). Settings are validated in next.config.ts.
import { spawn } from "node:child_process";

const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const child = spawn("npx", ["next", "start", "-H", host, "-p", port], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
