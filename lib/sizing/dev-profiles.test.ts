import { describe, expect, it } from "vitest";
import { notebookProfileSchema } from "@/lib/schemas/plan";
import { devEnvironmentSizing, IDLE_CULL_TIMEOUT_S, nodesFor } from "./dev-profiles";

describe("nodesFor", () => {
  it("rounds GPUs up to whole nodes", () => {
    expect(nodesFor(5, 8)).toBe(1);
    expect(nodesFor(8, 8)).toBe(1);
    expect(nodesFor(9, 8)).toBe(2);
    expect(nodesFor(17, 4)).toBe(5);
  });
  it("handles 0 GPUs and invalid per-node counts without NaN", () => {
    expect(nodesFor(0, 8)).toBe(0);
    expect(nodesFor(Number.NaN, 8)).toBe(0);
    expect(nodesFor(3, 0)).toBe(3);
    expect(nodesFor(3, Number.NaN)).toBe(3);
    expect(nodesFor(10, 2.5)).toBe(5);
  });
});

describe("devEnvironmentSizing", () => {
  it("plans everyone at once for ≤ 5 users and says so", () => {
    const s = devEnvironmentSizing({ users: 4 });
    expect(s.concurrent_users).toBe(4);
    expect(s.gpus_needed).toBe(4);
    expect(s.defaults.join(" ")).toMatch(/everyone is planned as active at once/);
    expect(s.defaults.join(" ")).toMatch(/No purpose given/);
  });

  it("plans half of a larger team at once, citing the idle-culling default", () => {
    const s = devEnvironmentSizing({ users: 20 });
    expect(s.concurrent_users).toBe(10);
    expect(s.defaults.join(" ")).toContain(`${IDLE_CULL_TIMEOUT_S} s`);
    expect(devEnvironmentSizing({ users: 20, concurrency_ratio: 0.25 }).concurrent_users).toBe(5);
  });

  it("grows monotonically with the team", () => {
    let prev = devEnvironmentSizing({ users: 1, gpu_model: "L4" });
    for (const users of [2, 3, 5, 6, 10, 25, 50, 100, 400]) {
      const s = devEnvironmentSizing({ users, gpu_model: "L4" });
      expect(s.gpus_needed).toBeGreaterThanOrEqual(prev.gpus_needed);
      expect(s.concurrent_users).toBeGreaterThanOrEqual(prev.concurrent_users);
      expect(s.totals.vcpus).toBeGreaterThanOrEqual(prev.totals.vcpus);
      expect(s.totals.memory_gb).toBeGreaterThanOrEqual(prev.totals.memory_gb);
      expect(s.totals.storage_gb).toBeGreaterThan(prev.totals.storage_gb);
      prev = s;
    }
  });

  it("applies the TLJH totals: RAM = concurrent × per-user + 128 MB, CPU + 20%, disk + 2 GB", () => {
    const s = devEnvironmentSizing({ users: 3, purpose: "data_science" });
    expect(s.totals.memory_gb).toBe(Math.ceil(3 * 8 + 0.128));
    expect(s.totals.vcpus).toBe(Math.ceil(3 * 2 * 1.2));
    expect(s.totals.storage_gb).toBe(3 * 20 + 2);
  });

  it("shares A100-80GB with MIG: 24 GB per user → 3g.40gb, two users per GPU", () => {
    const s = devEnvironmentSizing({ users: 20, gpu_model: "A100-80GB", per_node_gpus: 8, gpu_memory_gb_per_user: 24 });
    expect(s.sharing?.mode).toBe("mig");
    expect(s.gpus_needed).toBe(Math.ceil(s.concurrent_users / 2));
    expect(s.gpu_nodes).toBe(Math.ceil(s.gpus_needed / 8));
    const gpu = s.profiles.find((p) => p.default);
    expect(gpu).toMatchObject({ gpu_sharing: "mig", mig_profile: "3g.40gb", gpu_memory_gb: 40, gpus: 0.5 });
  });

  it("time-slices L4 for small GPU needs", () => {
    const s = devEnvironmentSizing({ users: 6, gpu_model: "L4", gpu_memory_gb_per_user: 8, concurrency_ratio: 1 });
    expect(s.sharing?.mode).toBe("time_slicing");
    expect(s.gpus_needed).toBe(Math.ceil(6 / 2));
    expect(s.profiles.some((p) => p.gpu_sharing === "time_slicing")).toBe(true);
  });

  it("offers only a CPU profile for cpu_only or CPU purposes", () => {
    for (const s of [devEnvironmentSizing({ users: 8, cpu_only: true, gpu_model: "A100" }), devEnvironmentSizing({ users: 8, purpose: "data_science" })]) {
      expect(s.gpus_needed).toBe(0);
      expect(s.profiles).toHaveLength(1);
      expect(s.profiles[0]).toMatchObject({ gpus: 0, gpu_sharing: "none", default: true });
    }
  });

  it("uses the purpose preset (LLM fine-tuning needs more GPU memory than PyTorch experimentation)", () => {
    const ft = devEnvironmentSizing({ users: 2, purpose: "llm_finetune" });
    const pt = devEnvironmentSizing({ users: 2, purpose: "pytorch" });
    expect(ft.per_user.gpu_memory_gb).toBeGreaterThan(pt.per_user.gpu_memory_gb);
    expect(ft.defaults.join(" ")).not.toMatch(/No purpose given/);
    expect(devEnvironmentSizing({ users: 2, purpose: "robotics" }).defaults.join(" ")).toMatch(/"robotics" has no preset/);
  });

  it("produces schema-valid profiles and finite numbers for edge inputs", () => {
    for (const users of [0, -4, Number.NaN, 1, 1e6]) {
      for (const extra of [{}, { gpu_model: "H100", per_node_gpus: 0 }, { gpu_model: "T4", gpu_memory_gb_per_user: Number.NaN }, { cpu_only: true }]) {
        const s = devEnvironmentSizing({ users, ...extra });
        for (const p of s.profiles) expect(() => notebookProfileSchema.parse(p)).not.toThrow();
        const nums = [s.gpus_needed, s.concurrent_users, s.totals.vcpus, s.totals.memory_gb, s.totals.storage_gb, s.gpu_nodes ?? 0];
        for (const v of nums) expect(Number.isFinite(v)).toBe(true);
        expect(s.concurrent_users).toBeGreaterThanOrEqual(1);
      }
    }
    expect(devEnvironmentSizing({ users: 0 }).defaults.join(" ")).toMatch(/No valid user count/);
  });
});
