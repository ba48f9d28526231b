/**
 * Types and small helpers shared by the platform-service sizers (platform.ts, platform-vector.ts).
 * Units: GB = 10^9 bytes; vCPUs and GB are rounded up to whole units.
 */

/** What the user told us about the load; every field optional (stated defaults fill the gaps). */
export interface PlatformLoad {
  users?: number;
  /** Data to store / index / train on, GB (vector DBs: raw documents to index). */
  data_gb?: number;
  requests_per_second?: number;
  /** Embedding dimension (vector DBs). */
  vector_dim?: number;
  /** Vector count, when known (vector DBs; overrides the count derived from data_gb). */
  vectors?: number;
  /** Monitored nodes (monitoring). */
  nodes?: number;
}

export interface ServiceDatabase {
  engine: "postgresql" | "mysql";
  vcpus: number;
  memory_gb: number;
  storage_gb: number;
}

/** One more part of a platform (Ray head, Milvus etcd, Airflow scheduler …). */
export interface ServiceComponent {
  name: string;
  vcpus: number;
  memory_gb: number;
  storage_gb: number;
  replicas: number;
}

export interface ServiceSizing {
  tool: string;
  /** Main workload, per replica. */
  vcpus: number;
  memory_gb: number;
  storage_gb: number;
  replicas: number;
  /** Backing database the platform needs, or null (embedded SQLite / none). */
  database: ServiceDatabase | null;
  /** Other parts the platform runs besides the main workload. */
  auxiliary: ServiceComponent[];
  /** One human sentence per figure used. */
  basis: string[];
  /** Stated defaults used because the user gave no figure. */
  defaults: string[];
}

export type PlatformKind = "vector_db" | "tracking" | "notebooks" | "distributed" | "monitoring" | "pipelines" | "other";

export class Notes {
  readonly basis: string[] = [];
  readonly defaults: string[] = [];
}

/**
 * A load figure or its stated default. Missing, non-finite or negative figures fall back to `fallback` with
 * `sentence` (e.g. "No user count given: sized for 10 users.") added to the defaults; 0 is kept only when
 * `allowZero`.
 */
export function loadOr(value: number | undefined, fallback: number, sentence: string, notes: Notes, allowZero = false): number {
  const ok = value !== undefined && Number.isFinite(value) && (value > 0 || (allowZero && value === 0));
  if (ok) return value as number;
  notes.defaults.push(value === undefined ? sentence : `${sentence} (given value ${String(value)} is not usable)`);
  return fallback;
}

export const ceilGb = (gb: number, min = 1): number => Math.max(min, Math.ceil(gb - 1e-9));

/** "2.44M", "512k", "900" — counts in sentences. */
export function fmtCount(n: number): string {
  if (n >= 1e9) return `${Math.round(n / 1e7) / 100}B`;
  if (n >= 1e6) return `${Math.round(n / 1e4) / 100}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  return String(Math.round(n));
}

/** GB with one decimal for sentences (two below 0.1 GB). */
export const fmt1 = (gb: number): string =>
  gb > 0 && gb < 0.1 ? (Math.round(gb * 100) / 100).toFixed(2) : (Math.round(gb * 10) / 10).toFixed(1);

export function sizing(tool: string, main: Omit<ServiceSizing, "tool" | "basis" | "defaults" | "auxiliary" | "database"> & Partial<Pick<ServiceSizing, "auxiliary" | "database">>, notes: Notes): ServiceSizing {
  return {
    tool,
    vcpus: main.vcpus,
    memory_gb: main.memory_gb,
    storage_gb: main.storage_gb,
    replicas: main.replicas,
    database: main.database ?? null,
    auxiliary: main.auxiliary ?? [],
    basis: notes.basis,
    defaults: notes.defaults,
  };
}
