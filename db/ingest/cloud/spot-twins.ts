/**
 * primeintellect lists a spot offer as its own row: InstanceType ends in `__SPOT`,
 * Price is empty and SpotPrice is set; the on-demand twin has SpotPrice empty.
 * Renaming the spot row to its twin's name lets the (type, region) collapse merge
 * them into one instance with both prices. A spot row without a twin in that
 * region becomes an instance with a null on-demand price.
 */
import type { Offer } from "./offers";

export const SPOT_SUFFIX = "__SPOT";

export function foldSpotTwins(offers: Offer[]): Offer[] {
  return offers.map((o) =>
    o.instanceType.endsWith(SPOT_SUFFIX)
      ? { ...o, instanceType: o.instanceType.slice(0, -SPOT_SUFFIX.length), price: null }
      : o,
  );
}
