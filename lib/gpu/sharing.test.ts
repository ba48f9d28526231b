import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_TIME_SLICED_USERS, gpuSharingOptions, migProfilesFor, supportsMig, supportsTimeSlicing } from "./sharing";
import { GPU_SPECS } from "./specs";

const names = (gpu: string) => migProfilesFor(gpu).map((p) => `${p.name}x${p.max_instances}`);

describe("migProfilesFor", () => {
  it("lists the NVIDIA MIG profiles of A100-40GB, A100-80GB / H100 and A30", () => {
    expect(names("A100")).toEqual(["1g.5gbx7", "1g.10gbx4", "2g.10gbx3", "3g.20gbx2", "4g.20gbx1", "7g.40gbx1"]);
    expect(names("A100-80GB")).toEqual(["1g.10gbx7", "1g.20gbx4", "2g.20gbx3", "3g.40gbx2", "4g.40gbx1", "7g.80gbx1"]);
    expect(names("H100")).toEqual(names("A100-80GB"));
    expect(names("A30")).toEqual(["1g.6gbx4", "2g.12gbx2", "4g.24gbx1"]);
    expect(names("H200")).toContain("7g.141gbx1");
    expect(names("B200")).toContain("1g.23gbx7");
  });

  it("resolves catalog and user spellings (H100-MEGA, 'a100 80gb')", () => {
    expect(names("H100-MEGA")).toEqual(names("H100"));
    expect(names("a100 80gb")).toEqual(names("A100-80GB"));
  });

  it("is empty for GPUs without MIG", () => {
    for (const g of ["L4", "T4", "A10G", "RTX4090", "L40S", "V100", "MI300X", "nonsense", ""]) {
      expect(migProfilesFor(g)).toEqual([]);
      expect(supportsMig(g)).toBe(false);
    }
  });

  it("never exceeds the card: memory ≤ card memory and slices × instances ≤ the 7 (or 4) slices", () => {
    for (const gpu of ["A100", "A100-80GB", "A800", "H100", "H200", "GH200", "B200", "GB200", "B300", "A30", "RTXPRO6000"]) {
      const profiles = migProfilesFor(gpu);
      expect(profiles.length).toBeGreaterThan(0);
      const total = Math.max(...profiles.map((p) => p.compute_slices));
      for (const p of profiles) {
        expect(p.memory_gb).toBeLessThanOrEqual(GPU_SPECS[gpu].memoryGb as number);
        expect(p.compute_slices * p.max_instances).toBeLessThanOrEqual(total);
      }
    }
  });
});

describe("gpuSharingOptions", () => {
  it("picks the smallest MIG profile that holds the need on A100 / H100", () => {
    expect(gpuSharingOptions("A100", 5)).toMatchObject({ mode: "mig", mig_profile: "1g.5gb", users_per_gpu: 7, gpu_memory_gb_per_user: 5 });
    // 8 GB on A100-40GB: 1g.10gb (×4) and 2g.10gb (×3) both hold it; the one with more instances wins.
    expect(gpuSharingOptions("A100", 8)).toMatchObject({ mode: "mig", mig_profile: "1g.10gb", users_per_gpu: 4 });
    expect(gpuSharingOptions("H100", 12)).toMatchObject({ mode: "mig", mig_profile: "1g.20gb", users_per_gpu: 4 });
    expect(gpuSharingOptions("H100", 24)).toMatchObject({ mode: "mig", mig_profile: "3g.40gb", users_per_gpu: 2 });
  });

  it("falls back to one GPU when only the whole-GPU profile fits", () => {
    const s = gpuSharingOptions("H100", 50);
    expect(s.mode).toBe("none");
    expect(s.users_per_gpu).toBe(1);
    expect(s.gpu_memory_gb_per_user).toBe(80);
  });

  it("time-slices L4 and T4, users = floor(90% of memory / need), with the no-isolation caveat", () => {
    const l4 = gpuSharingOptions("L4", 8);
    expect(l4).toMatchObject({ mode: "time_slicing", mig_profile: null, users_per_gpu: Math.floor((24 * 0.9) / 8) });
    expect(l4.note).toMatch(/no memory or fault isolation/);
    expect(gpuSharingOptions("T4", 4).users_per_gpu).toBe(Math.floor((16 * 0.9) / 4));
  });

  it("caps time-slicing at 8 users per GPU by default, or at the given cap", () => {
    const s = gpuSharingOptions("T4", 1);
    expect(s.users_per_gpu).toBe(DEFAULT_MAX_TIME_SLICED_USERS);
    expect(s.note).toMatch(/capped at 8/);
    expect(gpuSharingOptions("T4", 1, { maxUsersPerGpu: 4 }).users_per_gpu).toBe(4);
  });

  it("gives several GPUs per user when the need exceeds one card", () => {
    expect(gpuSharingOptions("L4", 40)).toMatchObject({ mode: "none", users_per_gpu: 1, gpus_per_user: 2, gpu_memory_gb_per_user: 48 });
  });

  it("does not share AMD cards or unknown GPUs", () => {
    expect(supportsTimeSlicing("T4")).toBe(true);
    expect(supportsTimeSlicing("MI300X")).toBe(false);
    expect(supportsTimeSlicing("tpu-v4")).toBe(false);
    const amd = gpuSharingOptions("MI300X", 8);
    expect(amd.mode).toBe("none");
    expect(amd.note).toMatch(/AMD/);
    expect(gpuSharingOptions("no-such-gpu", 8)).toMatchObject({ mode: "none", users_per_gpu: 1 });
  });

  it("never returns NaN / Infinity or zero users for edge needs", () => {
    for (const need of [0, -3, Number.NaN, Number.POSITIVE_INFINITY, 1e12, 0.001]) {
      for (const gpu of ["A100", "L4", "H100", "MI300X", "bogus"]) {
        const s = gpuSharingOptions(gpu, need);
        for (const v of [s.users_per_gpu, s.gpus_per_user, s.gpu_memory_gb_per_user]) expect(Number.isFinite(v)).toBe(true);
        expect(s.users_per_gpu).toBeGreaterThanOrEqual(1);
        expect(s.gpus_per_user).toBeGreaterThanOrEqual(1);
      }
    }
    expect(gpuSharingOptions("L4", Number.NaN).note).toMatch(/no valid per-user GPU memory/);
  });
});
