import { describe, expect, it } from "vitest";
import type { InstanceOption } from "@/lib/schemas/plan";
import { placeServices } from "./placement";

const inst = (instance_type: string, price: number, vcpus: number, memory_gb: number, gpu_count = 1): InstanceOption => ({
  provider: "x", instance_type, region: "r", gpu_model: gpu_count ? "L4" : null, gpu_count, gpu_memory_gb: 24 * gpu_count, vcpus, memory_gb,
  price_per_hour_usd: price, spot_price_per_hour_usd: null, monthly_cost_usd: Math.round(price * 730 * 100) / 100,
});

describe("placing a stack's CPU services", () => {
  const host = { vcpus: 6, memory_gb: 25 };
  it("on the GPU node when it has room and costs no more than a GPU node plus a CPU node", () => {
    const p = placeServices({ primary: [inst("g-32", 1, 32, 64)], primaryCount: 1, primaryHost: host, services: { vcpus: 8, memory_gb: 16 }, cpu: [inst("c-16", 0.3, 16, 32, 0)] });
    expect(p).toMatchObject({ together: true, primaryIndex: 0, cpu: null });
    expect(p.costs.together).toBe(730);
    expect(p.costs.split).toBe(949);
  });
  it("on a CPU node when the GPU node has no room and a bigger GPU instance costs more than the pair", () => {
    const p = placeServices({
      primary: [inst("g-8", 1, 8, 32), inst("g-48", 2, 48, 192)], primaryCount: 1, primaryHost: host,
      services: { vcpus: 12, memory_gb: 24 }, cpu: [inst("c-16", 0.4, 16, 32, 0)],
    });
    expect(p).toMatchObject({ together: false, primaryIndex: 0 });
    expect(p.cpu?.instance_type).toBe("c-16");
    expect(p.costs.split! < p.costs.together!).toBe(true);
  });
  it("on a bigger GPU instance when that is cheaper than the pair", () => {
    const p = placeServices({
      primary: [inst("g-8", 1, 8, 32), inst("g-32", 1.1, 32, 128)], primaryCount: 1, primaryHost: host,
      services: { vcpus: 12, memory_gb: 24 }, cpu: [inst("c-16", 0.4, 16, 32, 0)],
    });
    expect(p).toMatchObject({ together: true, primaryIndex: 1, cpu: null });
  });
  it("a pool of several GPU nodes counts every node in both options", () => {
    const p = placeServices({ primary: [inst("g-8", 1, 8, 32)], primaryCount: 3, primaryHost: host, services: { vcpus: 4, memory_gb: 8 }, cpu: [inst("c-8", 0.2, 8, 16, 0)] });
    expect(p.costs.split).toBeCloseTo(3 * 730 + 146, 1);
  });
});
