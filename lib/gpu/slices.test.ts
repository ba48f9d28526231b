import { describe, expect, it } from "vitest";
import { gpuCountLabel, isGpuSlice, logicalGpuCount, sliceFraction } from "./slices";

describe("GPU slices", () => {
  it("are counts strictly between 0 and 1", () => {
    expect([0, 0.125, 0.5, 1, 8].map(isGpuSlice)).toEqual([false, true, true, false, false]);
  });
  it("are labelled as a fraction of the GPU", () => {
    expect(gpuCountLabel(0.125, "L4")).toBe("1/8 L4 slice");
    expect(gpuCountLabel(0.5, "L4")).toBe("1/2 L4 slice");
    expect(gpuCountLabel(8, "H100")).toBe("8× H100");
    expect(gpuCountLabel(1, null)).toBe("1× GPU");
    expect(sliceFraction(0.4)).toBe("0.4");
  });
  it("count as one logical GPU", () => {
    expect(logicalGpuCount(0.25)).toBe(1);
    expect(logicalGpuCount(4)).toBe(4);
  });
});
