import { describe, expect, it } from "vitest";
import { formatCount, formatGb, formatGpus, formatHourly, formatMonthly, formatParams, humanizeKey, percent, providerLabel } from "./format";

describe("plan formatting", () => {
  it("formats prices", () => {
    expect(formatHourly(3.06)).toBe("$3.06");
    expect(formatHourly(0.5261)).toBe("$0.526");
    expect(formatHourly(null)).toBe("—");
    expect(formatMonthly(2233.8)).toBe("$2,234");
    expect(formatMonthly(42.5)).toBe("$42.50");
  });
  it("formats sizes and counts", () => {
    expect(formatGb(640)).toBe("640 GB");
    expect(formatGb(17.456)).toBe("17.5 GB");
    expect(formatGb(0.25)).toBe("0.25 GB");
    expect(formatCount(950)).toBe("950");
    expect(formatCount(12345)).toBe("12.3k");
    expect(formatCount(4_100_000)).toBe("4.1M");
    expect(formatParams(70)).toBe("70B");
    expect(formatParams(0.125)).toBe("125M");
    expect(formatParams(null)).toBe("—");
  });
  it("describes GPUs", () => {
    expect(formatGpus({ gpu_count: 8, gpu_model: "H100", gpu_memory_gb: 640 })).toBe("8× H100 (640 GB)");
    expect(formatGpus({ gpu_count: 0, gpu_model: null, gpu_memory_gb: 0 })).toBe("CPU only");
    expect(formatGpus({ gpu_count: 0.125, gpu_model: "L4", gpu_memory_gb: 3 })).toBe("1/8 L4 slice (3 GB)");
  });
  it("labels keys and providers", () => {
    expect(humanizeKey("kv_cache")).toBe("KV cache");
    expect(humanizeKey("lora_rank_extra")).toBe("Lora rank extra");
    expect(providerLabel("aws")).toBe("AWS");
    expect(providerLabel("newcloud")).toBe("Newcloud");
  });
  it("clamps percentages", () => {
    expect(percent(0.734)).toBe(73);
    expect(percent(1.4)).toBe(100);
    expect(percent(undefined)).toBe(0);
  });
});
