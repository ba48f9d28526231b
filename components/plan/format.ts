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

/** Speeds: "1,234 tokens/s" from 100 up, one decimal below ("42.5"). */
export function formatRate(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n) || n < 0) return "—";
  return n >= 100 ? int.format(n) : String(Number(n.toFixed(1)));
}

/** Latencies: "350 ms" under a second, "1.2 s" from a second up. */
export function formatMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Small dollar amounts ($ per million tokens): as formatHourly, "< $0.001" for tiny positive ones. */
export function formatUsdSmall(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n) || n < 0) return "—";
  if (n > 0 && n < 0.001) return "< $0.001";
  return formatHourly(n);
}

/** A run's wall clock: "about 40 min", "about 3.5 h", "about 14 h", "3.2 days", "118 days". */
export function formatDuration(hours: number | null | undefined): string {
  if (hours == null || !Number.isFinite(hours) || hours < 0) return "—";
  if (hours < 1) return `about ${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 10) return `about ${Number(hours.toFixed(1))} h`;
  if (hours < 48) return `about ${Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 100 ? Number(days.toFixed(1)) : Math.round(days)} days`;
}

/** Token counts: "950", "12.3k", "76.8M", "2T" (trillions, unlike formatCount). */
export function formatTokens(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n) || n < 0) return "—";
  return n >= 1e12 ? `${trim(n / 1e12)}T` : formatCount(n);
}

/** Large quantities in scientific notation: 3.1e18 (two significant digits). */
export function formatScientific(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "—";
  return n.toExponential(1).replace("e+", "e");
}

/** A fraction in [0, 1] as a percent with no decimals: 0.34 → "34%". */
export function formatFraction(f: number | null | undefined): string {
  if (f == null || !Number.isFinite(f)) return "—";
  return `${percent(f)}%`;
}

/** Hours of GPU time: "1,234 GPU-h", "3.5 GPU-h". */
export function formatGpuHours(h: number | null | undefined): string {
  if (h == null || !Number.isFinite(h) || h < 0) return "—";
  return `${h >= 100 ? int.format(h) : Number(h.toFixed(1))} GPU-h`;
}
