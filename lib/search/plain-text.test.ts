import { describe, expect, it } from "vitest";
import { plainText } from "./plain-text";

/** What must never reach a user from a card passage: table pipes, code marks, link syntax, HTML, heading or bold marks. */
const MARKUP = /\||`|\]\(|\[https?:|<\/?[a-z][a-z0-9]*[\s>/]|\*\*|(^|\s)#{1,6}\s|!\[|&[a-z]+;/i;

describe("plainText: model-card markdown as plain text", () => {
  it("drops a results table, keeping the prose around it", () => {
    const md = "## Evaluation\n\nResults on LibriSpeech:\n\n| Model | WER |\n|:------|----:|\n| large-v3 | 2.0 |\n| large-v2 | 2.7 |\n\nLower is better.";
    expect(plainText(md)).toBe("Evaluation Results on LibriSpeech: Lower is better.");
  });

  it("drops fenced code and commands in inline code; a lone name in inline code stays a word", () => {
    const md =
      "Install it:\n\n```bash\npip install -U transformers\n```\n\nThen call `pipeline(\"asr\")` to transcribe with `openai/whisper-large-v3`, or run `yolo predict model=yolo26n.pt`.";
    const out = plainText(md);
    expect(out).toBe("Install it: Then call to transcribe with openai/whisper-large-v3, or run.");
    expect(out).not.toContain("pip install");
  });

  it("keeps link words; a link shown as its own URL keeps the URL once", () => {
    const md = "See the [paper](https://arxiv.org/abs/2212.04356) and [https://github.com/openai/whisper](https://github.com/openai/whisper).";
    expect(plainText(md)).toBe("See the paper and https://github.com/openai/whisper.");
  });

  it("links with brackets in their words, parentheses in their URL, a space before the parenthesis, or cut short", () => {
    // Real card lines: FLUX.1 [dev] (black-forest-labs), R1 1776 (perplexity-ai), a Wikipedia link, a passage cut mid-link.
    expect(plainText("This model falls under the [FLUX.1 [dev] Non-Commercial License](https://github.com/black-forest-labs/flux/blob/main/model_licenses/LICENSE-FLUX1-dev).")).toBe(
      "This model falls under the FLUX.1 [dev] Non-Commercial License.",
    );
    expect(plainText("Blog link: [https://perplexity.ai/hub/blog/open-sourcing-r1-1776](https://perplexity.ai/hub/blog/open-sourcing-r1-1776 )")).toBe(
      "Blog link: https://perplexity.ai/hub/blog/open-sourcing-r1-1776",
    );
    expect(plainText("Trained like [BERT (model)](https://en.wikipedia.org/wiki/BERT_(language_model)) on text.")).toBe("Trained like BERT (model) on text.");
    expect(plainText("Fine-tuned from model: [google/gemma-7b](https://huggingface.co/goo")).toBe("Fine-tuned from model: google/gemma-7b");
    expect(plainText("Corpus (Scandinavian)[https://huggingface.co/datasets/NbAiLab/scandinavian] was used.")).toBe(
      "Corpus (Scandinavian) https://huggingface.co/datasets/NbAiLab/scandinavian was used.",
    );
  });

  it("drops images (badges in links too), HTML, heading marks, emphasis and bullets", () => {
    const md =
      '<p align="center"><img src="logo.png" width="200"/></p>\n\n# **Qwen3** Highlights\n\n[![license](https://img.shields.io/badge/license-apache-blue)](LICENSE)\n![banner](https://x.y/b.png)\n- **Dense and MoE** models in _several_ sizes\n- Supports *thinking* mode';
    expect(plainText(md)).toBe("Qwen3 Highlights Dense and MoE models in several sizes Supports thinking mode");
  });

  it("an unterminated code fence or HTML tag at the end of a passage hides only the cut-off part", () => {
    expect(plainText("Usage below.\n```python\nimport torch\nmodel = load()")).toBe("Usage below.");
    expect(plainText('Pruned with MaskLLM. <img src="https://github.com/NVlabs/MaskLLM/blob/main/assets/teaser.png?raw')).toBe("Pruned with MaskLLM.");
  });

  it("a flattened chart description with a GitHub alert reads as prose", () => {
    // grafana/synthetic-monitoring-agent's chart description, as Artifact Hub has it.
    const d =
      "Grafana's Synthetic Monitoring application. The agent provides probe functionality.  > [!NOTE] > Grafana Cloud Synthetic Monitoring does not officially support this chart. > If you are a Grafana Cloud customer, follow the [recommended installation methods](https://grafana.com/docs/grafana-cloud/testing/synthetic-monitoring/set-up/) listed in the public docs.";
    expect(plainText(d)).toBe(
      "Grafana's Synthetic Monitoring application. The agent provides probe functionality. Note: Grafana Cloud Synthetic Monitoring does not officially support this chart. If you are a Grafana Cloud customer, follow the recommended installation methods listed in the public docs.",
    );
  });

  it("HTML entities become characters; an unpaired bold mark from a cut passage goes", () => {
    expect(plainText("Tian-Xing Xu 1 &dagger;, Wenbo Hu 2 &amp; Ying Shan &ge; 3&nbsp;authors &#8212; GenXD&ensp;&ensp;model")).toBe(
      "Tian-Xing Xu 1 †, Wenbo Hu 2 & Ying Shan ≥ 3 authors — GenXD model",
    );
    expect(plainText("languages than English**. **Note: Llama 3.1 has been trained on more languages.")).toBe(
      "languages than English. Note: Llama 3.1 has been trained on more languages.",
    );
  });

  it("never leaves table pipes, backticks, link syntax or HTML on real-looking card text", () => {
    const md = [
      "Ultralytics YOLO26 is the latest [Ultralytics](https://www.ultralytics.com/) model.",
      "Model | size (pixels) | mAPval 50-95",
      "--- | --- | ---",
      "YOLO26n | 640 | 40.9",
      "Use `yolo predict model=yolo26n.pt` or [docs](https://docs.ultralytics.com)  for details.",
      "<details><summary>Expand</summary>",
      "==((====))==  Unsloth - 2x faster free finetuning",
      "Contact us on [][twitter] or <https://ultralytics.com/contact>.",
      "</details>",
    ].join("\n");
    const out = plainText(md);
    expect(out).not.toMatch(MARKUP);
    expect(out).toContain("latest Ultralytics model.");
    expect(out).toContain("docs for details.");
    expect(out).toContain("Unsloth - 2x faster free finetuning");
    expect(out).toContain("https://ultralytics.com/contact.");
  });

  it("prose keeps its words, numbers and punctuation", () => {
    const prose = [
      "Llama 3.1 8B has 8.03B parameters; WER drops 10%–20% (see Table 2) at $1.20/hour, e.g. batch=8 > 4 and 3 * 4 = 12.",
      "It's trained on C# and F# code, snake_case names like max_new_tokens, and email me at a_b@example.com!",
      "Q4_K_M needs ~4.9 GB: 1) load, 2) serve. Speed < 10 ms? Yes.",
    ];
    for (const p of prose) expect(plainText(p)).toBe(p);
    expect(plainText(prose.join("\n\n"))).toBe(prose.join(" "));
  });

  it("empty or non-string input is empty", () => {
    expect(plainText("")).toBe("");
    expect(plainText("   \n\n ")).toBe("");
    expect(plainText(undefined as unknown as string)).toBe("");
    expect(plainText(42 as unknown as string)).toBe("");
  });
});
