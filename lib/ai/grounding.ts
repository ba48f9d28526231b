/**
 * Every number an LLM writes must already be in the facts it was given (prices, GB, counts),
 * exactly or rounded to an integer. Returns the numbers that are not, so the caller can reject
 * the prose and fall back to the offline summary.
 */
export function ungroundedNumbers(text: string, facts: string): string[] {
  const known = new Set<string>();
  for (const x of numbersIn(facts)) {
    known.add(String(round2(x)));
    known.add(String(Math.round(x)));
  }
  return [...new Set(numbersIn(text))].filter((x) => !known.has(String(round2(x))) && !isTrivial(x)).map(String);
}

function numbersIn(s: string): number[] {
  return (s.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, ""))).filter(Number.isFinite);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Small whole numbers ("2-4 sentences", "step 1", "8 GPUs" is checked only above 10). */
function isTrivial(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 10;
}
