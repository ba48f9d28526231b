/**
 * Regions: concrete provider region codes the user typed ("us-east-1", "europe-west4", "eastus2")
 * and broad wishes ("in Europe", "EU only", "US", "Germany", "APAC"). Codes go to spec.regions;
 * the wish is a RegionIntent. `classifyRegion` (region-geo.ts) maps any catalog region code to an
 * area/country so callers can filter catalog rows by intent; `regionSearchTerms` gives the catalog
 * search terms for a wish.
 */
import type { RegionArea, RegionIntent } from "../types";
import { uniq } from "./normalize";
import { utterance, type Said } from "./utterance";
import { areaSearchTiers, classifyRegion, COUNTRY_AREA, countrySearchTiers } from "./region-geo";

export { classifyRegion, COUNTRY_AREA } from "./region-geo";

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

/** Countries users name, as [ISO code, pattern]; the area comes from COUNTRY_AREA. */
const COUNTRY_CUES: [string, RegExp][] = [
  ["DE", /\b(?:germany|deutschland)\b/i], ["FR", /\bfrance\b/i], ["NL", /\b(?:the\s+)?(?:netherlands|holland)\b/i],
  ["GB", /\b(?:united\s+kingdom|great\s+britain|britain|england|scotland|wales)\b/i], ["IE", /\bireland\b/i],
  ["SE", /\bsweden\b/i], ["FI", /\bfinland\b/i], ["NO", /\bnorway\b/i], ["CH", /\bswitzerland\b/i], ["IT", /\bitaly\b/i],
  ["ES", /\bspain\b/i], ["PL", /\bpoland\b/i], ["IS", /\biceland\b/i], ["CZ", /\b(?:czechia|czech\s+republic)\b/i],
  ["RO", /\bromania\b/i], ["BG", /\bbulgaria\b/i], ["EE", /\bestonia\b/i], ["HU", /\bhungary\b/i], ["GR", /\bgreece\b/i],
  ["AT", /\baustria\b/i], ["BE", /\bbelgium\b/i], ["DK", /\bdenmark\b/i], ["PT", /\bportugal\b/i], ["LU", /\bluxembourg\b/i],
  ["CA", /\bcanada\b/i], ["MX", /\bmexico\b/i], ["BR", /\bbrazil\b/i], ["CL", /\bchile\b/i], ["AR", /\bargentina\b/i],
  ["CO", /\bcolombia\b/i], ["JP", /\bjapan\b/i], ["KR", /\b(?:south\s+)?korea\b/i], ["SG", /\bsingapore\b/i],
  ["TW", /\btaiwan\b/i], ["HK", /\bhong\s?kong\b/i], ["TH", /\bthailand\b/i], ["VN", /\bvietnam\b/i],
  ["ID", /\bindonesia\b/i], ["MY", /\bmalaysia\b/i], ["PH", /\bphilippines\b/i], ["IN", /\bindia\b/i],
  ["AU", /\baustralia\b/i], ["NZ", /\bnew\s+zealand\b/i], ["IL", /\bisrael\b/i],
  ["AE", /\b(?:uae|united\s+arab\s+emirates|dubai|abu\s+dhabi)\b/i], ["SA", /\bsaudi(?:\s+arabia)?\b/i], ["QA", /\bqatar\b/i],
  ["BH", /\bbahrain\b/i], ["ZA", /\bsouth\s+africa\b/i],
];

const AREA_CUES: AreaCue[] = [
  { area: "eu", re: /\b(?:europe|european|eu|e\.u\.|eea|gdpr|emea)\b/i },
  { area: "eu", re: /\bEU\b/, caseSensitive: true },
  { area: "eu", re: /\bUK\b/, caseSensitive: true, country: "GB" },
  ...COUNTRY_CUES.map(([country, re]): AreaCue => ({ area: COUNTRY_AREA[country], re, country })),
  { area: "us", re: /\b(?:usa|u\.s\.a?\.?|united\s+states|(?<!(?:latin|south|central)\s)america|american|north\s+america|stateside)\b/i },
  { area: "us", re: /\bUS\b/, caseSensitive: true },
  { area: "us", re: /\b(?:us[\s-]only|in\s+the\s+us|us[\s-]based|us\s+regions?|us\s+data\s?cent(?:er|re)s?)\b/i },
  { area: "canada", re: /\bnorth\s+america\b/i },
  { area: "south_america", re: /\b(?:south\s+america|latin\s+america|latam)\b/i },
  { area: "asia", re: /\b(?:asia|apac|asia[\s-]pacific)\b/i },
  { area: "india", re: /\b(?:apac|asia[\s-]pacific)\b/i },
  { area: "oceania", re: /\b(?:oceania|apac|asia[\s-]pacific)\b/i },
  { area: "middle_east", re: /\b(?:middle\s+east|gulf\s+states)\b/i },
  { area: "africa", re: /\bafrica\b/i },
];

const EXCLUDE_AREA = /\b(?:not|no|outside(?:\s+of)?|avoid|except|excluding|anywhere\s+but|non)[\s-]+(?:in\s+)?(?:the\s+)?$/;

export interface RegionExtraction {
  /** Concrete region codes typed by the user. */
  regions: string[];
  intent: RegionIntent | null;
}

export function extractRegions(said: Said): RegionExtraction {
  const raw = utterance(said).text;
  const t = raw.toLowerCase();
  const codes: string[] = [];
  for (const m of t.matchAll(CODE_RE)) codes.push(m[0]);
  for (const m of t.matchAll(AZURE_RE)) codes.push(m[0]);
  for (const m of t.matchAll(REGION_WORD_RE)) if (!/^(?:of|in|is|the|with)$/.test(m[1])) codes.push(m[1]);
  const areas: RegionArea[] = [];
  const excluded: RegionArea[] = [];
  const excludedCountries: string[] = [];
  const countries: string[] = [];
  for (const cue of AREA_CUES) {
    const src = cue.caseSensitive ? raw : t;
    const re = new RegExp(cue.re.source, cue.caseSensitive ? "g" : "gi");
    for (const m of src.matchAll(re)) {
      const start = m.index ?? 0;
      // Skip words that are part of a region code ("us-east-1", "eu-west") or a URL.
      if (/[-/.]$/.test(t.slice(Math.max(0, start - 1), start)) || /^-[a-z0-9]/.test(t.slice(start + m[0].length))) continue;
      if (EXCLUDE_AREA.test(t.slice(Math.max(0, start - 25), start))) {
        // "not Germany" rules out Germany's regions, not all of Europe.
        if (cue.country) {
          if (!excludedCountries.includes(cue.country)) excludedCountries.push(cue.country);
        } else if (!excluded.includes(cue.area)) excluded.push(cue.area);
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
  if (regions.length === 0 && finalAreas.length === 0 && excluded.length === 0 && excludedCountries.length === 0) return { regions, intent: null };
  const intent: RegionIntent = { codes: regions, area: finalAreas[0], areas: finalAreas, countries, prefixes: [], excluded_areas: excluded };
  if (excludedCountries.length) intent.excluded_countries = excludedCountries;
  intent.prefixes = regionSearchTerms(intent);
  return { regions, intent };
}

/** The compute search accepts at most this many region terms. */
export const MAX_REGION_TERMS = 100;

/**
 * Catalog search terms for a region wish (prefixes / whole words, as regionMatches reads them): a
 * country wish searches that country's regions only ("Germany" → "de", "germany", "frankfurt",
 * "eu-central-1", …), an area without a country the whole area. A superset of the wish:
 * regionMatchesIntent decides exactly after the search. At most MAX_REGION_TERMS terms: past that
 * (several whole areas at once) the least specific tiers (cities, then names) are cut first.
 */
export function regionSearchTerms(intent: Pick<RegionIntent, "areas" | "countries">): string[] {
  // One tier list per wished country / area.
  const parts: string[][][] = intent.areas.flatMap((area) => {
    const countries = intent.countries.filter((c) => COUNTRY_AREA[c] === area);
    return countries.length ? countries.map(countrySearchTiers) : [areaSearchTiers(area)];
  });
  const out: string[] = [];
  for (let tier = 0; tier < 3; tier++) {
    // Round-robin over the parts, so a cut never drops one wish's terms wholesale.
    const lists = parts.map((p) => p[tier] ?? []);
    for (let i = 0; lists.some((l) => i < l.length); i++) {
      for (const l of lists) {
        if (i >= l.length || out.includes(l[i])) continue;
        if (out.length >= MAX_REGION_TERMS) return out;
        out.push(l[i]);
      }
    }
  }
  return out;
}

/** Whether a catalog region satisfies an intent (codes match exactly; areas by classification). */
export function regionMatchesIntent(region: string, intent: RegionIntent | null): boolean {
  if (!intent) return true;
  const { area, country } = classifyRegion(region);
  if (area && intent.excluded_areas.includes(area)) return false;
  if (country && intent.excluded_countries?.includes(country)) return false;
  if (intent.codes.length > 0 && intent.codes.includes(region.toLowerCase())) return true;
  if (intent.areas.length === 0) return intent.codes.length === 0;
  if (!area || !intent.areas.includes(area)) return false;
  // A country wish narrows its own area only, and strictly: a region of that area whose country is
  // not known does not pass ("in Germany" must not end up in an unlabelled European region).
  const wanted = intent.countries.filter((c) => COUNTRY_AREA[c] === area);
  if (wanted.length) return !!country && wanted.includes(country);
  return true;
}
