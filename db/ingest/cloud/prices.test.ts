import { describe, expect, it } from "vitest";
import { addPrices, minPrice, parsePrice, roundPrice } from "./prices";

describe("prices", () => {
  it("rounds float noise to 6 decimals", () => {
    expect(roundPrice(5.8854999999999995)).toBe(5.8855);
    expect(parsePrice("0.36979999999999996")).toBe(0.3698);
    expect(parsePrice("3.2000000000999997")).toBe(3.2);
  });

  it("treats empty, zero and garbage as not offered", () => {
    expect(parsePrice("")).toBeNull();
    expect(parsePrice(undefined)).toBeNull();
    expect(parsePrice("0.00")).toBeNull();
    expect(parsePrice("0.0")).toBeNull();
    expect(parsePrice("n/a")).toBeNull();
  });

  it("adds and takes minimums with nulls", () => {
    expect(addPrices(0.94803, 3.10156)).toBe(4.04959);
    expect(addPrices(1, null)).toBeNull();
    expect(minPrice([null, 14.6985, 13.0719])).toBe(13.0719);
    expect(minPrice([null, null])).toBeNull();
  });
});
