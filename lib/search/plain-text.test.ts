import { describe, expect, it } from "vitest";
import { plainText } from "./plain-text";

describe("plainText: model-card markdown as plain text", () => {
  it("drops a results table, keeping the prose around it", () => {
    const md = "## Evaluation\n\nResults on LibriSpeech:\n\n| Model | WER |\n|:------|----:|\n| large-v3 | 2.0 |\n| large-v2 | 2.7 |\n\nLower is better.";
    expect(plainText(md)).toBe("Evaluation Results on LibriSpeech: Lower is better.");
  });
  it("drops fenced and inline code", () => {
    const md = "Install it:\n\n```bash\npip install -U transformers\n```\n\nThen call `pipeline(\"asr\")` to transcribe.";
    const out = plainText(md);
    expect(out).toBe("Install it: Then call to transcribe.");
    expect(out).not.toContain("`");
    expect(out).not.toContain("pip install");
  });
  it("keeps link words, and only the host of a link that is its own URL", () => {
    const md = "See the [paper](https://arxiv.org/abs/2212.04356) and [https://github.com/openai/whisper](https://github.com/openai/whisper).";
    expect(plainText(md)).toBe("See the paper and github.com .");
  });
  it("drops images, HTML, heading marks, emphasis and bullets", () => {
    const md = '<p align="center"><img src="logo.png" width="200"/></p>\n\n# **Qwen3** Highlights\n\n![banner](https://x.y/b.png)\n- **Dense and MoE** models in _several_ sizes\n- Supports *thinking* mode';
    expect(plainText(md)).toBe("Qwen3 Highlights Dense and MoE models in several sizes Supports thinking mode");
  });
  it("an unterminated code fence hides the rest, not the prose before it", () => {
    expect(plainText("Usage below.\n```python\nimport torch\nmodel = load()")).toBe("Usage below.");
  });
  it("never leaves table pipes, backticks or markdown links on real-looking card text", () => {
    const md = [
      "Ultralytics YOLO26 is the latest [Ultralytics](https://www.ultralytics.com/) model.",
      "Model | size (pixels) | mAPval 50-95",
      "--- | --- | ---",
      "YOLO26n | 640 | 40.9",
      "Use `yolo predict model=yolo26n.pt` or [docs](https://docs.ultralytics.com)  for details.",
    ].join("\n");
    const out = plainText(md);
    expect(out).not.toMatch(/[|`]|\]\(http/);
    expect(out).toContain("latest Ultralytics model.");
    expect(out).toContain("docs for details.");
  });
  it("empty or non-string input is empty", () => {
    expect(plainText("")).toBe("");
    expect(plainText(undefined as unknown as string)).toBe("");
  });
});
