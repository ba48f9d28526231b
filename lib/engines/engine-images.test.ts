import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "@/lib/sizing";
import { teiImageFor } from "./tei-image";
import { compareVersions, VLLM_BASELINE, VLLM_MIN_VERSIONS, vllmImageFor, vllmRuleFor, vllmVersionFor } from "./vllm-versions";

describe("vLLM versions", () => {
  it("every row names an architecture that exists and cites its release notes", () => {
    for (const r of VLLM_MIN_VERSIONS) {
      expect(ARCHITECTURES.some((a) => r.match.test(a.id)), r.architecture).toBe(true);
      expect(r.source).toMatch(/^https:\/\/github\.com\/vllm-project\/vllm\/releases\/tag\/v/);
      expect(r.source).toContain(`v${r.minVersion}`);
    }
  });
  it("the image supports the architecture: never older than its minimum", () => {
    for (const a of ARCHITECTURES) {
      const rule = vllmRuleFor(a.id);
      if (rule) expect(compareVersions(vllmVersionFor(a.id), rule.minVersion), a.id).toBeGreaterThanOrEqual(0);
      expect(compareVersions(vllmVersionFor(a.id), VLLM_BASELINE.version)).toBeGreaterThanOrEqual(0);
    }
    expect(vllmImageFor("gpt-oss-120b")).toBe("vllm/vllm-openai:v0.10.1");
    expect(vllmImageFor("qwen3-235b-a22b")).toBe(`vllm/vllm-openai:v${VLLM_BASELINE.version}`);
    expect(vllmImageFor(null)).toBe(`vllm/vllm-openai:v${VLLM_BASELINE.version}`);
  });
  it("compares dotted versions numerically, post releases after their base", () => {
    expect(compareVersions("0.10.1", "0.9.2")).toBe(1);
    expect(compareVersions("0.5.3.post1", "0.5.3")).toBe(1);
    expect(compareVersions("v0.8.5", "0.8.5")).toBe(0);
  });
});

describe("TEI images", () => {
  it("one build per GPU architecture; none for Volta", () => {
    expect(teiImageFor(7.0)).toBeNull();
    expect(teiImageFor(7.5)).toMatch(/:turing-/);
    expect(teiImageFor(8.0)).toMatch(/text-embeddings-inference:\d/);
    expect(teiImageFor(8.6)).toMatch(/:86-/);
    expect(teiImageFor(8.9)).toMatch(/:89-/);
    expect(teiImageFor(9.0)).toMatch(/:hopper-/);
    expect(teiImageFor(null)).toMatch(/:cpu-/);
  });
});
