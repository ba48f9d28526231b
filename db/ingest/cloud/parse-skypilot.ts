/**
 * Pure parser: one SkyPilot catalog `vms.csv` -> rows for `cloud.instances`
 * (one per provider x instance type x region). See shared/data/cloud/SOURCE.md.
 */
import type { InstanceRow } from "@/db/schema/cloud";
import { acceleratorFields } from "./accelerator";
import { collapseByRegion, type CollapsedOffer } from "./collapse";
import { pairGcpOffers } from "./gcp-pairing";
import { readCsvRecords, toOffer, type Offer } from "./offers";
import { foldSpotTwins } from "./spot-twins";

export interface ParseOptions {
  provider: string;
  schemaVersion: string;
  dataAsOf: string;
  source: string;
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

function toRow(o: CollapsedOffer, opts: ParseOptions): CatalogInstance {
  return {
    provider: opts.provider,
    instanceType: o.instanceType,
    region: o.region,
    zones: o.zones,
    ...acceleratorFields(opts.provider, o.acceleratorName, o.acceleratorCount, o.gpuInfo),
    vcpus: o.vcpus,
    memoryGb: o.memoryGiB,
    pricePerHourUsd: o.price,
    spotPricePerHourUsd: o.spotPrice,
    dataAsOf: opts.dataAsOf,
    source: opts.source,
  };
}

export function parseSkypilotCsv(csvText: string, opts: ParseOptions): CatalogInstance[] {
  if (EXCLUDED_PROVIDERS.has(opts.provider)) return [];
  const offers = providerFixups(opts.provider, readCsvRecords(csvText).map(toOffer));
  return collapseByRegion(offers.filter((o) => o.instanceType && o.region))
    .filter((o) => o.price !== null || o.spotPrice !== null)
    .map((o) => toRow(o, opts));
}
