/**
 * GPU performance lookup: the datasheet row of a GPU in a given form factor, the form factor of a
 * catalog instance, and the peak a given compute precision runs at. Pure; data in performance-table.ts.
 */
import { GPU_PERF_ROWS, type FormFactor, type GpuPerfRow } from "./performance-table";
import { normalizeGpuName } from "./specs";

export { GPU_PERF_ROWS, type FormFactor, type GpuPerfRow, type Interconnect } from "./performance-table";

/** Precision the matmuls run at: 16-bit, FP8 tensor cores, INT8 tensor cores (W8A8). */
export type ComputePrecision = "bf16" | "fp8" | "int8";

export interface FormFactorGuess {
  form_factor: FormFactor;
  /** True when nothing in the instance type, provider or GPU name told SXM from PCIe. */
  assumed: boolean;
  reason: string;
}

function canonicalOf(gpuModel: string): string {
  return normalizeGpuName(gpuModel)?.canonical ?? gpuModel;
}

/** Form factors the table holds for a canonical GPU name ([] if unknown). */
export function formFactorsOf(gpuModel: string): FormFactor[] {
  const c = canonicalOf(gpuModel);
  return GPU_PERF_ROWS.filter((r) => r.gpu === c).map((r) => r.form_factor);
}

/**
 * The row of `gpuModel` (canonical or provider spelling) in `formFactor`; without a form factor, or
 * when that form factor is not in the table, the only row if there is one, else the PCIe row
 * (the slower, conservative one). Null for GPUs not in the table.
 */
export function gpuPerf(gpuModel: string, formFactor?: FormFactor): GpuPerfRow | null {
  const key = `${gpuModel}|${formFactor ?? ""}`;
  if (PERF_MEMO.has(key)) return PERF_MEMO.get(key)!;
  const c = canonicalOf(gpuModel);
  const rows = GPU_PERF_ROWS.filter((r) => r.gpu === c);
  const row = rows.length === 0 ? null : (rows.find((r) => r.form_factor === formFactor) ?? rows.find((r) => r.form_factor === "PCIe") ?? rows[0]);
  // The table is constant: remember lookups (a plan ranks up to ~100 catalog rows of a few GPU models).
  if (PERF_MEMO.size < 1000) PERF_MEMO.set(key, row);
  return row;
}
const PERF_MEMO = new Map<string, GpuPerfRow | null>();

const SXM_TEXT = /sxm|hgx|dgx/i;
const PCIE_TEXT = /pcie|[-_.]pci(?![a-z])|(?<![a-z])nvl(?![a-z])/i; // "H100 NVL" / "H200 NVL" are PCIe cards

/**
 * Instance families whose GPUs are SXM/OAM modules on an NVLink baseboard, per the providers' docs:
 * AWS P3/P3dn (V100 SXM2), P4d/P4de (A100 SXM4), P5/P5e/P5en (H100/H200 SXM5), P6 (B200/B300);
 * GCP A2 (A100), A3 (H100/H200), A4 (B200); Azure ND*_v2/v4/v5 (V100/A100/H100 SXM);
 * OCI BM.GPU4.8, BM.GPU.A100-v2.8, BM.GPU.H100.8 (HGX bare metal).
 */
const SXM_FAMILIES: Record<string, RegExp> = {
  aws: /^(p3|p3dn|p4d|p4de|p5|p5e|p5en|p6-[a-z0-9]+)\./i,
  gcp: /^a[234]-/i,
  azure: /^standard_nd\w*_v[245]$/i,
  oci: /^bm\.gpu(4\.8|\.a100|\.h100|\.h200|\.b200)/i,
};
/** Azure NC*_A100_v4 and NC*_H100_v5 use PCIe cards (A100 PCIe, H100 NVL). */
const PCIE_FAMILIES: Record<string, RegExp> = {
  azure: /^standard_nc\w*_(a100_v4|h100_v5)$/i,
};

/**
 * SXM or PCIe for a catalog row. Order: a GPU made in one form only; the words in the instance type or
 * the provider's GPU name ("sxm", "pcie", "NVL"); the provider's instance family (SXM_FAMILIES);
 * otherwise PCIe with `assumed: true` (the slower variant, so estimates err low).
 */
export function formFactorOf(instanceType: string, provider: string, gpuModel: string): FormFactorGuess {
  const key = `${instanceType}|${provider}|${gpuModel}`;
  const known = FORM_MEMO.get(key);
  if (known) return known;
  const guess = guessFormFactor(instanceType, provider, gpuModel);
  if (FORM_MEMO.size < 5000) FORM_MEMO.set(key, guess);
  return guess;
}
const FORM_MEMO = new Map<string, FormFactorGuess>();

function guessFormFactor(instanceType: string, provider: string, gpuModel: string): FormFactorGuess {
  const forms = formFactorsOf(gpuModel);
  if (forms.length === 1) return { form_factor: forms[0], assumed: false, reason: `${canonicalOf(gpuModel)} is made only as ${forms[0]}` };
  const text = `${instanceType} ${gpuModel}`;
  if (PCIE_TEXT.test(text)) return { form_factor: "PCIe", assumed: false, reason: `"${text.trim()}" names a PCIe card` };
  if (SXM_TEXT.test(text)) return { form_factor: "SXM", assumed: false, reason: `"${text.trim()}" names an SXM module` };
  const p = provider.trim().toLowerCase();
  if (PCIE_FAMILIES[p]?.test(instanceType)) return { form_factor: "PCIe", assumed: false, reason: `${provider} ${instanceType} uses PCIe cards` };
  if (SXM_FAMILIES[p]?.test(instanceType)) return { form_factor: "SXM", assumed: false, reason: `${provider} ${instanceType} is an SXM (NVLink) instance family` };
  return {
    form_factor: "PCIe",
    assumed: true,
    reason: `${provider} ${instanceType}: form factor not stated; assumed PCIe (the slower variant)`,
  };
}

/**
 * Dense peak (TFLOPS) the matmuls run at for a compute precision, with what was used. FP8/INT8 fall
 * back to the 16-bit peak on cards without that tensor path (weight-only kernels compute in 16-bit);
 * cards without a 16-bit path fall back to their FP32 peak. Null when the row has none of these.
 */
export function peakTflops(row: GpuPerfRow, precision: ComputePrecision = "bf16"): { tflops: number; used: string } | null {
  if (precision === "fp8" && row.dense_fp8_tflops) return { tflops: row.dense_fp8_tflops, used: "dense FP8 tensor peak" };
  if (precision === "int8" && row.dense_int8_tops) return { tflops: row.dense_int8_tops, used: "dense INT8 tensor peak" };
  if (row.dense_bf16_tflops) {
    const fellBack = precision !== "bf16" ? ` (no ${precision} tensor path: 16-bit math)` : "";
    return { tflops: row.dense_bf16_tflops, used: `dense 16-bit tensor peak${fellBack}` };
  }
  if (row.fp32_tflops) return { tflops: row.fp32_tflops, used: "FP32 vector peak (no fast 16-bit path)" };
  return null;
}
