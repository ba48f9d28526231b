/**
 * One CSV line, read by header name (column order differs per provider file),
 * as a typed "offer" before any provider-specific fix-ups.
 */
import { parse } from "csv-parse/sync";
import { parsePrice } from "./prices";

export interface Offer {
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

export function toOffer(r: CsvRecord): Offer {
  return {
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
