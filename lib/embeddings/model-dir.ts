import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A transformers.js model folder on disk. */
export interface LocalModel {
  /** Absolute folder that holds config.json and onnx/. */
  dir: string;
  /** Which ONNX file to load: fp32 = onnx/model.onnx, q8 = onnx/model_quantized.onnx. */
  dtype: "fp32" | "q8";
  /** "<folder name>@<8 hex>": the hash covers config.json and the ONNX file's size, so a swapped model changes it. */
  fingerprint: string;
}

const ONNX_FILES = { fp32: "model.onnx", q8: "model_quantized.onnx" } as const;

function dtypeOf(dir: string): LocalModel["dtype"] | null {
  if (!fs.existsSync(path.join(dir, "config.json"))) return null;
  if (fs.existsSync(path.join(dir, "onnx", ONNX_FILES.fp32))) return "fp32";
  if (fs.existsSync(path.join(dir, "onnx", ONNX_FILES.q8))) return "q8";
  return null;
}

function subdirs(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => path.join(dir, e.name))
    .sort();
}

function describe(dir: string, dtype: LocalModel["dtype"]): LocalModel {
  const h = createHash("sha256");
  h.update(fs.readFileSync(path.join(dir, "config.json")));
  h.update(`\n${dtype}:${fs.statSync(path.join(dir, "onnx", ONNX_FILES[dtype])).size}`);
  return { dir, dtype, fingerprint: `${path.basename(dir)}@${h.digest("hex").slice(0, 8)}` };
}

/**
 * Finds the model under EMBEDDING_MODEL_DIR. The dir may be the model folder itself, or a parent
 * (e.g. shared/models) searched one then two levels down, preferring `<dir>/<preferredId>`.
 */
export function resolveModelDir(root: string, preferredId?: string): LocalModel {
  const abs = path.resolve(root);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    throw new Error(`EMBEDDING_MODEL_DIR=${root}: no such folder`);
  }
  const candidates = [abs];
  if (preferredId) candidates.push(path.join(abs, preferredId));
  const level1 = subdirs(abs);
  candidates.push(...level1, ...level1.flatMap(subdirs));
  for (const dir of candidates) {
    const dtype = dtypeOf(dir);
    if (dtype) return describe(dir, dtype);
  }
  throw new Error(
    `EMBEDDING_MODEL_DIR=${root}: no model folder (config.json + onnx/model.onnx or onnx/model_quantized.onnx) there or up to two levels down`,
  );
}
