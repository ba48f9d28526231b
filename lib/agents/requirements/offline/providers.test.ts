import { describe, expect, it } from "vitest";
import { extractProviders } from "./providers";

describe("extractProviders", () => {
  it.each([
    ["Fine-tune language model with MLflow, $2000/mo, AWS", ["aws"], []],
    ["on Amazon EC2", ["aws"], []],
    ["Google Cloud or Azure", ["gcp", "azure"], []],
    ["Lambda Labs", ["lambda"], []],
    ["runpod or vast.ai", ["runpod", "vast"], []],
    ["Oracle cloud (OCI)", ["oci"], []],
    ["DigitalOcean", ["do"], []],
    ["DataCrunch", ["verda"], []],
    ["prime intellect", ["primeintellect"], []],
    ["OVH", ["ovhcloud"], []],
    ["CoreWeave", ["coreweave"], []],
    ["Nebius, Hyperstack and Cudo", ["nebius", "hyperstack", "cudo"], []],
    ["not AWS", [], ["aws"]],
    ["anything but azure", [], ["azure"]],
    ["avoid GCP and Azure", [], ["gcp", "azure"]],
    ["AWS but not Azure", ["aws"], ["azure"]],
    ["I don't want to use AWS, prefer Lambda", ["lambda"], ["aws"]],
    ["no GCP. RunPod is fine", ["runpod"], ["gcp"]],
  ])("%s", (text, providers, excluded) => {
    const r = extractProviders(text);
    expect(r.providers).toEqual(providers);
    expect(r.excluded_providers).toEqual(excluded);
  });

  it.each([
    "deploy with AWS Lambda functions",
    "a lambda function",
    "the vast majority of requests",
    "scp the weights over",
    "I need some GPUs",
  ])("no catalog provider mix-ups in %s", (text) => {
    const r = extractProviders(text);
    expect(r.providers.filter((p) => p !== "aws")).toEqual([]);
  });

  it("notices on-prem hardware", () => {
    expect(extractProviders("we run our own cluster on-prem").on_prem).toBe(true);
  });
});
