/** run.sh: the deployment on a single machine with Docker and the NVIDIA container toolkit. */
import type { DeploymentContext } from "./context";
import { shq } from "./engine-command";
import type { Launch } from "./launch";

export function dockerRunScript(c: DeploymentContext, l: Launch): string {
  const name = c.d.component.replace(/_/g, "-");
  const run = ["docker", "run", "-d", "--name", name];
  if (c.gpuLimit > 0) run.push("--gpus", "all");
  run.push("--ipc=host", "-v", c.d.engine === "ollama" ? "ollama:/root/.ollama" : "hf-cache:/root/.cache/huggingface");
  if (l.port) run.push("-p", `${l.port}:${l.port}`);
  for (const [k, v] of Object.entries(l.env)) run.push("-e", `${k}=${v}`);
  if (c.gated) run.push("-e", "HF_TOKEN");
  run.push(l.image, ...l.args);
  const needs = c.gpuLimit > 0 ? "Docker + NVIDIA container toolkit" : "Docker, CPU only";
  const what = c.d.model_id ?? `${c.d.engine}${c.d.engine === "ollama" ? " without a model (pull one with: docker exec " + name + " ollama pull <model>)" : ""}`;
  const lines = ["#!/usr/bin/env bash", `# ${c.d.component}: ${what} on one machine (${needs}).`, "set -euo pipefail"];
  if (c.gated) lines.push(': "${HF_TOKEN:?export HF_TOKEN=<your Hugging Face token>: the model is gated}"');
  lines.push(wrapped(run));
  if (l.pull) lines.push(`until docker exec ${shq(name)} ollama list >/dev/null 2>&1; do sleep 2; done`, `docker exec ${shq(name)} ollama pull ${shq(l.pull)}`);
  lines.push(`docker logs -f ${shq(name)}`);
  return lines.join("\n") + "\n";
}

/** One command over several lines: a new line before each flag, the flag's value on the same line. */
function wrapped(words: string[]): string {
  const rows: string[][] = [];
  for (const w of words) {
    if (!rows.length || (w.startsWith("-") && rows[rows.length - 1].length)) rows.push([]);
    rows[rows.length - 1].push(shq(w));
  }
  return rows.map((r) => r.join(" ")).join(" \\\n  ");
}
