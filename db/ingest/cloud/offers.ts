/**
 * One CSV line, read by header name (column order differs per provider file),
 * as a typed "offer" before any provider-specific fix-ups.
 */
import { parse } from "csv-parse/sync";
import { parsePrice } from "./prices";

/** Which upstream file (and data date) a row came from: stored per instance row. */
export interface RowOrigin {
  /** Stored in `cloud.instances.data_as_of`: an ISO date, or a year range for undated snapshots. */
  dataAsOf: string;
  /** Stored in `cloud.instances.source`, e.g. `skypilot-catalog v8-gpu/aws/vms.csv`. */
  source: string;
}

export interface Offer {
  origin: RowOrigin;
  instanceType: string;
  region: string;
  zone: string | null;
  acceleratorName: string | null;
  acceleratorCount: number;
  gpuInfo: string | null;
  vcpus: number | null;
  memoryGiB: number | null;
  price: number | null;
  spotPrice: number | null;
}

export type CsvRecord = Record<string, string>;

/** Parse CSV text (LF or CRLF, RFC 4180 quoting) into records keyed by header name. */
export function readCsvRecords(csvText: string): CsvRecord[] {
  return parse(csvText, { columns: true, skip_empty_lines: true, bom: true }) as CsvRecord[];
}

function num(cell: string | undefined): number | null {
  const t = (cell ?? "").trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function text(cell: string | undefined): string | null {
  const t = (cell ?? "").trim();
  return t ? t : null;
}

export function toOffer(r: CsvRecord, origin: RowOrigin): Offer {
  return {
    origin,
    instanceType: (r.InstanceType ?? "").trim(),
    region: (r.Region ?? "").trim(),
    zone: text(r.AvailabilityZone),
    acceleratorName: text(r.AcceleratorName),
    acceleratorCount: num(r.AcceleratorCount) ?? 0,
    gpuInfo: text(r.GpuInfo),
    vcpus: num(r.vCPUs),
    memoryGiB: num(r.MemoryGiB),
    price: parsePrice(r.Price),
    spotPrice: parsePrice(r.SpotPrice),
  };
}
