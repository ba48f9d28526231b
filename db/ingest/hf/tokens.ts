/** Chunk size budget for card chunks. Tokens are approximated as chars / 4. */
export const CHUNK_MAX_TOKENS = 400;
export const CHUNK_MIN_TOKENS = 200;
export const CHUNK_OVERLAP_TOKENS = 40;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
