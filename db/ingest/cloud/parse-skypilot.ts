/**
 * Pure parser: SkyPilot catalog `vms.csv` records -> rows for `cloud.instances`
 * (one per provider x instance type x region). See shared/data/cloud/SOURCE.md.
 */
import type { InstanceRow } from "@/db/schema/cloud";
import { acceleratorFields } from "./accelerator";
import { collapseByRegion, type CollapsedOffer } from "./collapse";
import { pairGcpOffers } from "./gcp-pairing";
import { readCsvRecords, toOffer, type CsvRecord, type Offer, type RowOrigin } from "./offers";
import { foldSpotTwins } from "./spot-twins";

export interface ParseOptions {
  provider: string;
  schemaVersion: string;
  dataAsOf: string;
  source: string;
}

/** Records of one upstream file (or the kept part of it), with the origin every row records. */
export interface CatalogPart {
  records: readonly CsvRecord[];
  origin: RowOrigin;
}

/** Every column filled (no DB defaults relied upon); assignable to InstanceRow minus id. */
export type CatalogInstance = Required<Omit<InstanceRow, "id">>;

/** Providers whose catalogs hold placeholder prices (mithril: $0.01-0.08 auction floors). */
export const EXCLUDED_PROVIDERS: ReadonlySet<string> = new Set(["mithril"]);

function providerFixups(provider: string, offers: Offer[]): Offer[] {
  if (provider === "gcp") return pairGcpOffers(offers);
  if (provider === "primeintellect") return foldSpotTwins(offers);
  return offers;
}

function toRow(provider: string, o: CollapsedOffer): CatalogInstance {
  return {
    provider,
    instanceType: o.instanceType,
    region: o.region,
    zones: o.zones,
    ...acceleratorFields(provider, o.acceleratorName, o.acceleratorCount, o.gpuInfo),
    vcpus: o.vcpus,
    memoryGb: o.memoryGiB,
    pricePerHourUsd: o.price,
    spotPricePerHourUsd: o.spotPrice,
    dataAsOf: o.origin.dataAsOf,
    source: o.origin.source,
  };
}

/**
 * One provider's rows from one or more parts (a main file and the overlay that replaced part of
 * it). Rows with neither an on-demand nor a spot price are dropped; a zero or empty price is
 * "not offered" (prices.ts), so such a row is never ranked on that price.
 */
export function parseSkypilotParts(provider: string, parts: readonly CatalogPart[]): CatalogInstance[] {
  if (EXCLUDED_PROVIDERS.has(provider)) return [];
  const offers = providerFixups(provider, parts.flatMap((p) => p.records.map((r) => toOffer(r, p.origin))));
  return collapseByRegion(offers.filter((o) => o.instanceType && o.region))
    .filter((o) => o.price !== null || o.spotPrice !== null)
    .map((o) => toRow(provider, o));
}

/** One whole file. */
export function parseSkypilotCsv(csvText: string, opts: ParseOptions): CatalogInstance[] {
  return parseSkypilotParts(opts.provider, [{ records: readCsvRecords(csvText), origin: { dataAsOf: opts.dataAsOf, source: opts.source } }]);
}
