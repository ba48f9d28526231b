/**
 * Regions: concrete provider region codes the user typed ("us-east-1", "europe-west4", "eastus2")
 * and broad wishes ("in Europe", "EU only", "US", "Germany", "APAC"). Codes go to spec.regions;
 * the wish is a RegionIntent. `classifyRegion` maps any catalog region code to an area/country
 * so callers can filter catalog rows by intent.
 */
import type { RegionArea, RegionIntent } from "../types";
import { cleanText, uniq } from "./normalize";

const DIRS = "north|south|east|west|central|northeast|southeast|northwest|southwest|northcentral|southcentral|westcentral|midwest";
const CITIES =
  "ashburn|phoenix|sanjose|chicago|frankfurt|london|amsterdam|paris|madrid|milan|marseille|stockholm|zurich|tokyo|osaka|seoul|chuncheon|singapore|sydney|melbourne|mumbai|hyderabad|toronto|montreal|saopaulo|santiago|vinhedo|jerusalem|dubai|abudhabi|jeddah|johannesburg|queretaro|cardiff|newyork|santaclara|luster|smedjebacken|kristiansand|carlsbad";

/** AWS/GCP/OCI/Lambda/Nebius style codes: us-east-1, europe-west4, eu-frankfurt-1, us-midwest-1. */
const CODE_RE = new RegExp(
  String.raw`\b(?:us|eu|ap|ca|sa|me|af|il|mx|uk|gb|jp|kr|in|au|br|se|no|fi|de|fr|nl|europe|asia|australia|northamerica|southamerica|africa)-(?:(?:${DIRS})(?:-?\d{1,2}[a-z]?)|(?:${CITIES})-?\d{1,2})\b`,
  "g",
);
/** Azure region names. */
const AZURE_RE =
  /\b(?:eastus2?|westus[23]?|centralus|northcentralus|southcentralus|westcentralus|canadacentral|canadaeast|brazilsouth|westeurope|northeurope|uksouth|ukwest|francecentral|germanywestcentral|swedencentral|switzerlandnorth|norwayeast|polandcentral|italynorth|spaincentral|japaneast|japanwest|koreacentral|southeastasia|eastasia|australiaeast|centralindia|southindia|uaenorth|southafricanorth|qatarcentral)\b/g;
/** "region X" / "in region X" with any code-like token. */
const REGION_WORD_RE = /\bregion\s*[:=]?\s*([a-z]{2,}[a-z0-9]*(?:-[a-z0-9]+){1,3})\b/g;

interface AreaCue {
  area: RegionArea;
  re: RegExp;
  /** Test on the original (case-kept) text. */
  caseSensitive?: boolean;
  country?: string;
}

const AREA_CUES: AreaCue[] = [
  { area: "eu", re: /\b(?:europe|european|eu|e\.u\.|eea|gdpr|emea)\b/i },
  { area: "eu", re: /\b(?:EU|UK)\b/, caseSensitive: true },
  { area: "eu", re: /\bgermany\b/i, country: "DE" },
  { area: "eu", re: /\bfrance\b/i, country: "FR" },
  { area: "eu", re: /\b(?:netherlands|holland)\b/i, country: "NL" },
  { area: "eu", re: /\b(?:united\s+kingdom|great\s+britain|england)\b/i, country: "GB" },
  { area: "eu", re: /\bUK\b/, caseSensitive: true, country: "GB" },
  { area: "eu", re: /\bireland\b/i, country: "IE" },
  { area: "eu", re: /\bsweden\b/i, country: "SE" },
  { area: "eu", re: /\bfinland\b/i, country: "FI" },
  { area: "eu", re: /\bnorway\b/i, country: "NO" },
  { area: "eu", re: /\bswitzerland\b/i, country: "CH" },
  { area: "eu", re: /\bitaly\b/i, country: "IT" },
  { area: "eu", re: /\bspain\b/i, country: "ES" },
  { area: "eu", re: /\bpoland\b/i, country: "PL" },
  { area: "eu", re: /\biceland\b/i, country: "IS" },
  { area: "us", re: /\b(?:usa|u\.s\.a?\.?|united\s+states|america|american|north\s+america|stateside)\b/i },
  { area: "us", re: /\bUS\b/, caseSensitive: true },
  { area: "us", re: /\b(?:us[\s-]only|in\s+the\s+us|us[\s-]based|us\s+regions?|us\s+data\s?cent(?:er|re)s?)\b/i },
  { area: "canada", re: /\bcanada\b/i, country: "CA" },
  { area: "canada", re: /\bnorth\s+america\b/i },
  { area: "south_america", re: /\b(?:south\s+america|latin\s+america|latam|brazil|chile|argentina|colombia|mexico)\b/i },
  { area: "asia", re: /\b(?:asia|apac|asia[\s-]pacific)\b/i },
  { area: "asia", re: /\bjapan\b/i, country: "JP" },
  { area: "asia", re: /\b(?:south\s+)?korea\b/i, country: "KR" },
  { area: "asia", re: /\bsingapore\b/i, country: "SG" },
  { area: "asia", re: /\b(?:taiwan|hong\s+kong)\b/i },
  { area: "india", re: /\bindia\b/i, country: "IN" },
  { area: "india", re: /\b(?:apac|asia[\s-]pacific)\b/i },
  { area: "oceania", re: /\baustralia\b/i, country: "AU" },
  { area: "oceania", re: /\b(?:oceania|new\s+zealand)\b/i },
  { area: "oceania", re: /\b(?:apac|asia[\s-]pacific)\b/i },
  { area: "middle_east", re: /\b(?:middle\s+east|uae|dubai|saudi|israel|qatar)\b/i },
  { area: "africa", re: /\bafrica\b/i },
];

/** Catalog region-code prefixes / names per area (heuristic; see classifyRegion). */
export const AREA_PREFIXES: Record<RegionArea, string[]> = {
  us: ["us-", "eastus", "westus", "centralus", "northcentralus", "southcentralus", "westcentralus", "nyc", "sfo", "-usa-", "_usa"],
  canada: ["ca-", "canada", "northamerica-northeast", "tor1"],
  south_america: ["sa-", "southamerica-", "brazil", "mx-"],
  eu: ["eu-", "europe-", "uk-", "gb-", "fr-", "de-", "nl-", "se-", "no-", "fi-", "it-", "ch-", "bg-", "fin-", "westeurope", "northeurope", "uksouth", "ukwest", "francecentral", "germanywestcentral", "swedencentral", "norway", "finland", "germany", "iceland", "netherlands"],
  middle_east: ["me-", "il-", "uaenorth", "qatarcentral"],
  africa: ["af-", "africa-", "southafricanorth"],
  asia: ["ap-northeast-", "ap-southeast-1", "ap-southeast-3", "ap-east-", "asia-east", "asia-northeast", "asia-southeast", "ap-tokyo", "ap-osaka", "ap-seoul", "ap-chuncheon", "ap-singapore", "jp-", "kr-", "japaneast", "japanwest", "koreacentral", "southeastasia", "eastasia"],
  india: ["ap-south-1", "ap-south-2", "ap-mumbai", "ap-hyderabad", "asia-south1", "asia-south2", "centralindia", "southindia", "bangalore-india"],
  oceania: ["ap-southeast-2", "ap-southeast-4", "ap-sydney", "ap-melbourne", "australia-", "australiaeast"],
};

const EXCLUDE_AREA = /\b(?:not|no|outside(?:\s+of)?|avoid|except|excluding|anywhere\s+but|non)[\s-]+(?:in\s+)?(?:the\s+)?$/;

export interface RegionExtraction {
  /** Concrete region codes typed by the user. */
  regions: string[];
  intent: RegionIntent | null;
}

export function extractRegions(text: string): RegionExtraction {
  const raw = cleanText(text);
  const t = raw.toLowerCase();
  const codes: string[] = [];
  for (const m of t.matchAll(CODE_RE)) codes.push(m[0]);
  for (const m of t.matchAll(AZURE_RE)) codes.push(m[0]);
  for (const m of t.matchAll(REGION_WORD_RE)) if (!/^(?:of|in|is|the|with)$/.test(m[1])) codes.push(m[1]);
  const areas: RegionArea[] = [];
  const excluded: RegionArea[] = [];
  const countries: string[] = [];
  for (const cue of AREA_CUES) {
    const src = cue.caseSensitive ? raw : t;
    const re = new RegExp(cue.re.source, cue.caseSensitive ? "g" : "gi");
    for (const m of src.matchAll(re)) {
      const start = m.index ?? 0;
      // Skip words that are part of a region code ("us-east-1", "eu-west") or a URL.
      if (/[-/.]$/.test(t.slice(Math.max(0, start - 1), start)) || /^-[a-z0-9]/.test(t.slice(start + m[0].length))) continue;
      if (EXCLUDE_AREA.test(t.slice(Math.max(0, start - 25), start))) {
        if (!excluded.includes(cue.area)) excluded.push(cue.area);
        continue;
      }
      if (!areas.includes(cue.area)) areas.push(cue.area);
      if (cue.country && !countries.includes(cue.country)) countries.push(cue.country);
    }
  }
  // Keep the user's order: sort areas by first mention position is not needed beyond cue order,
  // but codes imply their own areas.
  for (const c of codes) {
    const area = classifyRegion(c).area;
    if (area && !areas.includes(area)) areas.push(area);
  }
  const regions = uniq(codes);
  const finalAreas = areas.filter((a) => !excluded.includes(a));
  if (regions.length === 0 && finalAreas.length === 0 && excluded.length === 0) return { regions, intent: null };
  return {
    regions,
    intent: {
      codes: regions,
      area: finalAreas[0],
      areas: finalAreas,
      countries,
      prefixes: uniq(finalAreas.flatMap((a) => AREA_PREFIXES[a])),
      excluded_areas: excluded,
    },
  };
}

const COUNTRY_AREA: Record<string, RegionArea> = {
  US: "us", CA: "canada", MX: "south_america", BR: "south_america", AR: "south_america", CL: "south_america", CO: "south_america",
  DE: "eu", FR: "eu", NL: "eu", GB: "eu", UK: "eu", IE: "eu", SE: "eu", FI: "eu", NO: "eu", CH: "eu", IT: "eu", ES: "eu",
  PL: "eu", IS: "eu", CZ: "eu", RO: "eu", BG: "eu", EE: "eu", HU: "eu", MK: "eu", GR: "eu", UA: "eu", RU: "eu", AT: "eu", BE: "eu", DK: "eu", PT: "eu",
  JP: "asia", KR: "asia", SG: "asia", HK: "asia", TW: "asia", TH: "asia", CN: "asia", IN: "india", AU: "oceania", NZ: "oceania",
  IL: "middle_east", AE: "middle_east", SA: "middle_east", QA: "middle_east", ZA: "africa",
};

const NAME_AREA: [RegExp, RegionArea, string?][] = [
  [/^(?:ap-south-\d|asia-south\d|centralindia|southindia|ap-mumbai|ap-hyderabad|in\d|bangalore|mumbai)/, "india", "IN"],
  [/^(?:ap-southeast-2|ap-southeast-4|ap-sydney|ap-melbourne|australia|au-)/, "oceania", "AU"],
  [/^(?:us|eastus|westus|centralus|northcentralus|southcentralus|westcentralus|nyc|sfo|northamerica-south)/, "us", "US"],
  [/^(?:ca-|canada|northamerica-northeast|tor\d|generic_1_canada)/, "canada", "CA"],
  [/^(?:sa-|southamerica|brazil|mx-)/, "south_america"],
  [/^(?:eu-|europe|uk|gb-|westeurope|northeurope|france|germany|sweden|switzerland|norway|poland|italy|spain|finland|fin-|no-|se-|fr-|de-|nl-|it-|ch-|bg-|fra$|gra$|lon$|waw$|norway_|iceland)/, "eu"],
  [/^(?:me-|il-|uae|qatar|israel)/, "middle_east"],
  [/^(?:af-|africa|southafrica)/, "africa"],
  [/^(?:ap-|asia|jp-|kr-|japan|korea|southeastasia|eastasia)/, "asia"],
];

/**
 * The area (and country when obvious) of a catalog region code: "us-east-1" → us,
 * "europe-west4" → eu, "FIN-01" → eu, "ap-south-1" → india, "Germany, DE, EU" → eu/DE,
 * "US" → us. Unknown → { area: null }.
 */
export function classifyRegion(region: string): { area: RegionArea | null; country?: string } {
  const r = region.trim();
  // "City, CC, EU" style (vast.ai) or bare ISO country codes (runpod, lium, primeintellect).
  const parts = r.split(",").map((p) => p.trim());
  if (parts.length >= 2) {
    const cc = parts[parts.length - 2]?.toUpperCase();
    if (cc && cc in COUNTRY_AREA) return { area: COUNTRY_AREA[cc], country: cc };
  }
  if (/^[A-Z]{2}$/.test(r) && r in COUNTRY_AREA) return { area: COUNTRY_AREA[r], country: r };
  const l = r.toLowerCase();
  // "frankfurt-germany-5", "dallas-usa-1" (shadeform), "ARIZONA_USA" (fluidstack)
  if (/(?:^|[-_])usa(?:[-_]|$)/.test(l)) return { area: "us", country: "US" };
  const countryWord = /(?:^|[-_])(germany|netherlands|finland|iceland|norway|sweden|france|uk|canada|india|israel|japan)(?:[-_]|$)/.exec(l);
  if (countryWord) {
    const map: Record<string, [RegionArea, string]> = {
      germany: ["eu", "DE"], netherlands: ["eu", "NL"], finland: ["eu", "FI"], iceland: ["eu", "IS"], norway: ["eu", "NO"],
      sweden: ["eu", "SE"], france: ["eu", "FR"], uk: ["eu", "GB"], canada: ["canada", "CA"], india: ["india", "IN"],
      israel: ["middle_east", "IL"], japan: ["asia", "JP"],
    };
    const [area, country] = map[countryWord[1]];
    return { area, country };
  }
  for (const [re, area, country] of NAME_AREA) if (re.test(l)) return { area, country };
  if (/^korea/.test(l)) return { area: "asia", country: "KR" };
  return { area: null };
}

/** Whether a catalog region satisfies an intent (codes match exactly; areas by classification). */
export function regionMatchesIntent(region: string, intent: RegionIntent | null): boolean {
  if (!intent) return true;
  const { area, country } = classifyRegion(region);
  if (area && intent.excluded_areas.includes(area)) return false;
  if (intent.codes.length > 0 && intent.codes.includes(region.toLowerCase())) return true;
  if (intent.areas.length === 0) return intent.codes.length === 0;
  if (!area || !intent.areas.includes(area)) return false;
  if (intent.countries.length > 0 && country && !intent.countries.includes(country)) {
    // A country wish narrows its own area only.
    const sameArea = intent.countries.some((c) => COUNTRY_AREA[c] === area);
    return !sameArea;
  }
  return true;
}
