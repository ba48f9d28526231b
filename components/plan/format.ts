import { gpuCountLabel } from "@/lib/gpu/slices";
import type { InstanceOption } from "@/lib/schemas/plan";

const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd3 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 3, maximumFractionDigits: 3 });
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Hourly prices: "$3.06", or three decimals under a dollar ("$0.526"). */
export function formatHourly(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "—";
  return n > 0 && n < 1 ? usd3.format(n) : usd2.format(n);
}

/** Monthly amounts: "$2,234" (cents only under $100). */
export function formatMonthly(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "—";
  return Math.abs(n) < 100 ? usd2.format(n) : usd0.format(n);
}

/** Gigabytes: "140 GB", "17.5 GB", "0.8 GB". */
export function formatGb(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "—";
  const digits = n >= 100 ? 0 : n >= 10 ? 1 : n >= 1 ? 1 : 2;
  const rounded = Number(n.toFixed(digits));
  return `${rounded.toLocaleString("en-US", { maximumFractionDigits: digits })} GB`;
}

/** Counts: 950, "12.3k", "4.1M". */
export function formatCount(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "—";
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${trim(n / 1e9)}B`;
  if (abs >= 1e6) return `${trim(n / 1e6)}M`;
  if (abs >= 1e4) return `${trim(n / 1e3)}k`;
  return int.format(n);
}

/** Parameter counts given in billions: "70B", "1.5B", "125M". */
export function formatParams(billions: number | null | undefined): string {
  if (billions == null || !Number.isFinite(billions) || billions <= 0) return "—";
  if (billions < 1) return `${trim(billions * 1000)}M`;
  return `${trim(billions)}B`;
}

function trim(n: number): string {
  return n >= 100 ? n.toFixed(0) : String(Number(n.toFixed(1)));
}

/** "8× H100 (640 GB)", "1× L4 (24 GB)", "CPU only". */
export function formatGpus(o: Pick<InstanceOption, "gpu_count" | "gpu_model" | "gpu_memory_gb">): string {
  if (!o.gpu_count) return "CPU only";
  return `${gpuCountLabel(o.gpu_count, o.gpu_model)} (${formatGb(o.gpu_memory_gb)})`;
}

const KEY_LABELS: Record<string, string> = {
  weights: "Weights",
  model_weights: "Weights",
  kv_cache: "KV cache",
  activations: "Activations",
  gradients: "Gradients",
  optimizer: "Optimizer states",
  optimizer_states: "Optimizer states",
  overhead: "Overhead",
  cuda_overhead: "CUDA overhead",
  framework_overhead: "Framework overhead",
  lora_adapters: "LoRA adapters",
  adapters: "Adapters",
  batch: "Batch data",
  headroom: "Headroom",
};

/** breakdown keys → labels: "kv_cache" → "KV cache", "some_thing" → "Some thing". */
export function humanizeKey(key: string): string {
  if (KEY_LABELS[key]) return KEY_LABELS[key];
  const s = key.replace(/[_-]+/g, " ").trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const PROVIDER_LABELS: Record<string, string> = {
  aws: "AWS",
  gcp: "GCP",
  azure: "Azure",
  lambda: "Lambda",
  oci: "OCI",
  ibm: "IBM",
  runpod: "RunPod",
  fluidstack: "FluidStack",
  paperspace: "Paperspace",
  cudo: "Cudo",
  scaleway: "Scaleway",
  ovhcloud: "OVHcloud",
  scp: "SCP",
  vast: "Vast.ai",
  do: "DigitalOcean",
  nebius: "Nebius",
  hyperbolic: "Hyperbolic",
  kubernetes: "Kubernetes",
};

export function providerLabel(p: string): string {
  return PROVIDER_LABELS[p.toLowerCase()] ?? p.charAt(0).toUpperCase() + p.slice(1);
}

/** Score in [0,1] → integer percent, clamped. */
export function percent(score: number | null | undefined): number {
  if (score == null || !Number.isFinite(score)) return 0;
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}
