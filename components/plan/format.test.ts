import { describe, expect, it } from "vitest";
import {
  formatCount, formatDuration, formatFraction, formatGb, formatGpuHours, formatGpus, formatHourly, formatMonthly, formatMs, formatParams, formatRate,
  formatScientific, formatTokens, formatUsdSmall, humanizeKey, percent, providerLabel,
} from "./format";

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

describe("performance and job formatting", () => {
  it("formats speeds and latencies", () => {
    expect(formatRate(1234.4)).toBe("1,234");
    expect(formatRate(42.46)).toBe("42.5");
    expect(formatRate(Number.NaN)).toBe("—");
    expect(formatRate(-1)).toBe("—");
    expect(formatMs(349.6)).toBe("350 ms");
    expect(formatMs(1249)).toBe("1.2 s");
    expect(formatMs(Infinity)).toBe("—");
  });
  it("formats small dollar amounts", () => {
    expect(formatUsdSmall(0.5261)).toBe("$0.526");
    expect(formatUsdSmall(12.3)).toBe("$12.30");
    expect(formatUsdSmall(0.0004)).toBe("< $0.001");
    expect(formatUsdSmall(0)).toBe("$0.00");
    expect(formatUsdSmall(null)).toBe("—");
  });
  it("formats a run's duration in minutes, hours or days", () => {
    expect(formatDuration(0.25)).toBe("about 15 min");
    expect(formatDuration(0.001)).toBe("about 1 min");
    expect(formatDuration(3.46)).toBe("about 3.5 h");
    expect(formatDuration(14.2)).toBe("about 14 h");
    expect(formatDuration(76.8)).toBe("3.2 days");
    expect(formatDuration(24 * 250.4)).toBe("250 days");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
  it("formats tokens, FLOPs, MFU and GPU-hours", () => {
    expect(formatTokens(76_800_000)).toBe("76.8M");
    expect(formatTokens(2e12)).toBe("2T");
    expect(formatTokens(1.5e11)).toBe("150B");
    expect(formatScientific(3.1456e18)).toBe("3.1e18");
    expect(formatScientific(5e-3)).toBe("5.0e-3");
    expect(formatScientific(Infinity)).toBe("—");
    expect(formatFraction(0.34)).toBe("34%");
    expect(formatFraction(0.289)).toBe("29%");
    expect(formatGpuHours(1234.5)).toBe("1,235 GPU-h");
    expect(formatGpuHours(3.46)).toBe("3.5 GPU-h");
  });
});
