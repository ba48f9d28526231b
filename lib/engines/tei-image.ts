/**
 * text-embeddings-inference images are built per GPU architecture (TEI README, "Docker images"):
 * Turing `turing-`, Ampere 8.0 (A100, A30) no prefix, Ampere 8.6 (A10, A40, RTX 30xx) `86-`,
 * Ada `89-`, Hopper `hopper-`, CPU `cpu-`. Volta and older are not supported.
 */
export const TEI_VERSION = "1.8";
const REPO = "ghcr.io/huggingface/text-embeddings-inference";

/** The TEI image for a CUDA compute capability (null = CPU), or null when the GPU is too old. */
export function teiImageFor(computeCapability: number | null): string | null {
  if (computeCapability === null) return `${REPO}:cpu-${TEI_VERSION}`;
  if (computeCapability >= 9.0) return `${REPO}:hopper-${TEI_VERSION}`;
  if (computeCapability >= 8.9) return `${REPO}:89-${TEI_VERSION}`;
  if (computeCapability >= 8.6) return `${REPO}:86-${TEI_VERSION}`;
  if (computeCapability >= 8.0) return `${REPO}:${TEI_VERSION}`;
  if (computeCapability >= 7.5) return `${REPO}:turing-${TEI_VERSION}`;
  return null;
}
