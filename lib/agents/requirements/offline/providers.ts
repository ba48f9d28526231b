/**
 * Cloud providers, as lower-case catalog ids ("aws", "gcp", "lambda", "do", "verda" …), plus
 * exclusions ("not AWS", "anything but azure", "avoid GCP and Azure"). Providers outside the
 * catalog (coreweave, vultr, crusoe …) are kept; the caller warns about them.
 */
import { isNegated } from "./negation";
import { utterance, type Said } from "./utterance";

interface ProviderEntry {
  id: string;
  re: RegExp;
  /** Case-sensitive test on the original text (for ambiguous words like "SCP"). */
  caseSensitive?: boolean;
  /** Extra check on the surrounding lower-case text. */
  accept?: (before: string, after: string) => boolean;
}

export const CATALOG_PROVIDERS = [
  "aws", "gcp", "azure", "lambda", "runpod", "oci", "paperspace", "vast", "nebius", "do",
  "hyperstack", "cudo", "fluidstack", "jarvislabs", "lium", "shadeform", "primeintellect", "verda",
  "seeweb", "scaleway", "ovhcloud", "ibm", "scp", "yotta", "hyperbolic", "mithril",
] as const;

const PROVIDERS: ProviderEntry[] = [
  { id: "aws", re: /\b(?:aws|amazon(?:\s+web\s+services)?|ec2|sagemaker|eks)\b/ },
  { id: "gcp", re: /\b(?:gcp|google\s+cloud(?:\s+platform)?|gce|google\s+compute(?:\s+engine)?|vertex(?:\s+ai)?|gke)\b/ },
  { id: "azure", re: /\b(?:azure|microsoft\s+cloud|aks)\b/ },
  {
    id: "lambda",
    re: /\blambda(?:\s*labs|\s+cloud|labs)?\b/,
    // "AWS Lambda" and "lambda functions" are serverless, not Lambda Labs.
    accept: (before, after) => !/\b(?:aws|amazon)\s*$/.test(before) && !/^\s*(?:functions?|expressions?|calculus|layers?)\b/.test(after),
  },
  { id: "runpod", re: /\brun\s?pod\b/ },
  { id: "oci", re: /\b(?:oci|oracle(?:\s+cloud)?)\b/ },
  { id: "paperspace", re: /\bpaperspace\b/ },
  {
    id: "vast",
    re: /\bvast(?:\.ai|\s?ai)?\b/,
    accept: (before, after) =>
      /^(?:\.ai|\s?ai)/.test(after) ||
      (/(?:\bon|\buse|\busing|\bvia|\bwith|\bfrom|\bat|\bprefer|\btry|\bor|\band|,|\/|\(|\bnot|\bbut|\bavoid)\s*$/.test(before) &&
        !/^\s*(?:majority|amount|amounts|number|numbers|array|range|quantities|quantity|improvement|sums?|collection|library|dataset|data|scale|experience)\b/.test(after)),
  },
  { id: "nebius", re: /\bnebius\b/ },
  { id: "coreweave", re: /\bcore\s?weave\b/ },
  { id: "do", re: /\bdigital\s?ocean\b/ },
  { id: "hyperstack", re: /\bhyperstack\b/ },
  { id: "cudo", re: /\bcudo(?:\s+compute)?\b/ },
  { id: "fluidstack", re: /\bfluidstack\b/ },
  { id: "jarvislabs", re: /\bjarvis\s?labs\b|\bjarvislabs\b/ },
  { id: "lium", re: /\blium\b/ },
  { id: "shadeform", re: /\bshadeform\b/ },
  { id: "primeintellect", re: /\bprime\s?intellect\b/ },
  { id: "verda", re: /\b(?:verda|data\s?crunch)\b/ },
  { id: "seeweb", re: /\bseeweb\b/ },
  { id: "scaleway", re: /\bscaleway\b/ },
  { id: "ovhcloud", re: /\bovh(?:\s?cloud)?\b/ },
  { id: "ibm", re: /\bibm(?:\s+cloud)?\b/ },
  { id: "scp", re: /\bSCP\b|\bsamsung\s+(?:cloud|sds)\b/i, caseSensitive: true },
  { id: "yotta", re: /\byotta\b/ },
  { id: "hyperbolic", re: /\bhyperbolic\b/ },
  { id: "mithril", re: /\bmithril\b/ },
  { id: "vultr", re: /\bvultr\b/ },
  { id: "crusoe", re: /\bcrusoe\b/ },
  { id: "tensordock", re: /\btensor\s?dock\b/ },
  { id: "hetzner", re: /\bhetzner\b/ },
  { id: "together", re: /\btogether(?:\.ai|\s+ai)\b/ },
  { id: "modal", re: /\bmodal(?:\.com|\s+labs)\b/ },
  { id: "linode", re: /\b(?:linode|akamai\s+cloud)\b/ },
  { id: "genesiscloud", re: /\bgenesis\s?cloud\b/ },
];

/** Words allowed between a negator and the provider it negates ("not on AWS or GCP"). */
const FILLER = /^(?:\s|,|\/|\(|\bor\b|\band\b|\bnor\b|\bthe\b|\bon\b|\bin\b|\buse\b|\busing\b|\bwant\b|\bwanna\b|\bto\b|\bwith\b|\bvia\b|\bfrom\b|\blike\b|\bgo\b|\bwith\b|\bany\b|\bof\b|\bthem\b|\bgoing\b|\bbe\b|\bcloud\b|\bplease\b|\bproviders?\b|\bclouds?\b|\b[a-z]+\s*(?:labs|cloud)\b)*$/;

export interface ProviderExtraction {
  providers: string[];
  excluded_providers: string[];
  /** Mentions of their own hardware or an on-prem cluster. */
  on_prem?: boolean;
  /** "any provider", "cheapest cloud", "no preference". */
  any_provider?: boolean;
}

interface Hit {
  id: string;
  start: number;
  end: number;
}

function findProviders(raw: string, t: string): Hit[] {
  const hits: Hit[] = [];
  for (const p of PROVIDERS) {
    const src = p.caseSensitive ? raw : t;
    const re = new RegExp(p.re.source, p.caseSensitive ? "g" : "gi");
    for (const m of src.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (p.accept && !p.accept(t.slice(Math.max(0, start - 30), start), t.slice(end, end + 30))) continue;
      hits.push({ id: p.id, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function extractProviders(said: Said): ProviderExtraction {
  const raw = utterance(said).text;
  const t = raw.toLowerCase();
  const hits = findProviders(raw, t);
  const providers: string[] = [];
  const excluded: string[] = [];
  for (const h of hits) {
    // Other providers may sit between ("not AWS or GCP"): they are blanked out before the check.
    const negated = isNegated(t, h, FILLER, hits);
    // "AWS but not Azure": a positive "but" after a negator resets it.
    const list = negated ? excluded : providers;
    const other = negated ? providers : excluded;
    if (!list.includes(h.id)) list.push(h.id);
    const i = other.indexOf(h.id);
    if (i >= 0) other.splice(i, 1);
  }
  const on_prem =
    /\b(?:on[\s-]?prem(?:ise|ises)?|my\s+own\s+(?:cluster|hardware|servers?|gpus?|machines?|rig|box)|our\s+own\s+(?:cluster|hardware|servers?|gpus?|data\s?center)|local\s+(?:cluster|k8s|kubernetes|machine|gpus?)|home\s?lab|bare[\s-]metal|in[\s-]house\s+(?:cluster|hardware|servers?))\b/.test(t) || undefined;
  const any_provider = /\b(?:any|whichever|whatever)\s+(?:provider|cloud)\b|\bcheapest\s+(?:provider|cloud)\b|\bprovider\s+(?:doesn'?t|does\s+not)\s+matter\b|\bcloud[\s-]agnostic\b/.test(t) || undefined;
  return { providers, excluded_providers: excluded, on_prem, any_provider };
}
