/**
 * Where catalog regions are: region code → country (ISO 3166 alpha-2) and area, for every naming
 * scheme in the catalog —
 *   marketplaces: "Bavaria, DE, EU" (vast), bare ISO codes "DE" (runpod, lium, primeintellect),
 *     "IN1" (jarvislabs);
 *   clouds: AWS/GCP/Azure/Lambda/Nebius/IBM codes (exact table below: "eu-central-1" is Frankfurt),
 *     OCI/Cudo codes with a city ("eu-frankfurt-1", "se-stockholm-1"), ISO-prefixed codes
 *     ("fr-par", "it-mi2", "jp-tok"), site codes ("FRA", "GRA", "nyc1", "FIN-01");
 *   place names: "frankfurt-germany-5", "desmoines-usa-1" (shadeform), "ARIZONA_USA",
 *     "NORWAY-1", "KOREA-WEST-1-SCP-B001".
 * And the reverse: the search terms (prefixes / whole words, see regionMatches in
 * lib/search/compute-query.ts) that find a country's or an area's regions in the catalog.
 */
import type { RegionArea } from "../types";

export const COUNTRY_AREA: Record<string, RegionArea> = {
  US: "us", CA: "canada",
  MX: "south_america", BR: "south_america", AR: "south_america", CL: "south_america", CO: "south_america", PE: "south_america",
  DE: "eu", FR: "eu", NL: "eu", GB: "eu", UK: "eu", IE: "eu", SE: "eu", FI: "eu", NO: "eu", CH: "eu", IT: "eu", ES: "eu",
  PL: "eu", IS: "eu", CZ: "eu", RO: "eu", BG: "eu", EE: "eu", HU: "eu", MK: "eu", GR: "eu", UA: "eu", RU: "eu", AT: "eu",
  BE: "eu", DK: "eu", PT: "eu", LU: "eu", SK: "eu", SI: "eu", HR: "eu", LT: "eu", LV: "eu", RS: "eu", MD: "eu", CY: "eu",
  JP: "asia", KR: "asia", SG: "asia", HK: "asia", TW: "asia", TH: "asia", CN: "asia", VN: "asia", ID: "asia", MY: "asia", PH: "asia",
  IN: "india",
  AU: "oceania", NZ: "oceania",
  IL: "middle_east", AE: "middle_east", SA: "middle_east", QA: "middle_east", BH: "middle_east", TR: "middle_east", KW: "middle_east", OM: "middle_east",
  ZA: "africa", NG: "africa", KE: "africa", EG: "africa", MA: "africa",
};

interface CountryPlaces {
  /** The country's name as it appears in region codes ("germany", "unitedkingdom", "uk"). */
  names: string[];
  /** Cities / states used in region codes ("frankfurt", "desmoines", "saopaulo"). */
  cities?: string[];
  /** Short site codes used alone as a region ("fra", "gra", "nyc", "fin"). */
  sites?: string[];
}

/** Tokens are lower-case, without separators ("newyork", "saltlakecity"). */
const PLACES: Record<string, CountryPlaces> = {
  US: {
    names: ["usa"],
    cities: [
      "ashburn", "virginia", "ohio", "california", "oregon", "iowa", "texas", "arizona", "utah", "nevada", "georgia", "florida",
      "michigan", "oklahoma", "illinois", "northcarolina", "dakota", "phoenix", "sanjose", "newyork", "chicago", "dallas", "houston",
      "atlanta", "raleigh", "charlotte", "culpeper", "casper", "kansascity", "desmoines", "dulles", "saltlakecity", "austin",
      "beltsville", "wichita", "newark", "seattle", "losangeles", "lasvegas", "portland", "miami", "denver", "boston", "carlsbad",
      "santaclara", "hillsboro", "columbus",
    ],
    sites: ["nyc", "sfo", "ny"],
  },
  CA: { names: ["canada"], cities: ["montreal", "toronto", "calgary", "quebec", "vancouver", "beauharnois"], sites: ["tor", "bhs"] },
  MX: { names: ["mexico"], cities: ["queretaro", "monterrey"] },
  BR: { names: ["brazil"], cities: ["saopaulo", "vinhedo", "riodejaneiro"] },
  AR: { names: ["argentina"], cities: ["buenosaires"] },
  CL: { names: ["chile"], cities: ["santiago", "valparaiso"] },
  CO: { names: ["colombia"], cities: ["bogota"] },
  DE: { names: ["germany"], cities: ["frankfurt", "bavaria", "berlin", "munich", "nuremberg", "falkenstein", "limburg", "hesse"], sites: ["fra", "fra1"] },
  FR: { names: ["france"], cities: ["paris", "marseille", "gravelines", "strasbourg", "roubaix"], sites: ["gra", "sbg", "rbx", "par"] },
  NL: { names: ["netherlands"], cities: ["amsterdam", "eemshaven"], sites: ["ams"] },
  GB: { names: ["uk", "england", "britain"], cities: ["london", "cardiff", "manchester", "newport"], sites: ["lon"] },
  IE: { names: ["ireland"], cities: ["dublin"] },
  SE: { names: ["sweden"], cities: ["stockholm", "skarholmen", "smedjebacken", "lulea"] },
  FI: { names: ["finland"], cities: ["helsinki", "hamina"], sites: ["fin"] },
  NO: { names: ["norway"], cities: ["kristiansand", "oslo", "luster", "stavanger"] },
  CH: { names: ["switzerland"], cities: ["zurich", "geneva", "lugano"] },
  IT: { names: ["italy"], cities: ["milan", "turin", "frosinone"] },
  ES: { names: ["spain"], cities: ["madrid"] },
  PL: { names: ["poland"], cities: ["warsaw"], sites: ["waw"] },
  IS: { names: ["iceland"], cities: ["blonduos", "reykjavik", "keflavik", "hafnarfjardarkaupstadur"], sites: ["ice"] },
  CZ: { names: ["czechia", "czech"], cities: ["prague"] },
  RO: { names: ["romania"], cities: ["bucharest"] },
  BG: { names: ["bulgaria"], cities: ["sofia"] },
  EE: { names: ["estonia"], cities: ["tallinn"] },
  HU: { names: ["hungary"], cities: ["budapest"] },
  MK: { names: ["macedonia"] },
  GR: { names: ["greece"], cities: ["athens"] },
  UA: { names: ["ukraine"], cities: ["kyiv", "kiev"] },
  RU: { names: ["russia"], cities: ["moscow", "petersburg"] },
  AT: { names: ["austria"], cities: ["vienna"] },
  BE: { names: ["belgium"], cities: ["brussels"] },
  DK: { names: ["denmark"], cities: ["copenhagen"] },
  PT: { names: ["portugal"], cities: ["lisbon"] },
  JP: { names: ["japan"], cities: ["tokyo", "osaka"] },
  KR: { names: ["korea"], cities: ["seoul", "chuncheon"] },
  SG: { names: ["singapore"], sites: ["sgp", "sin"] },
  HK: { names: ["hongkong"] },
  TW: { names: ["taiwan"], cities: ["taichung", "taipei", "changhua"] },
  TH: { names: ["thailand"], cities: ["bangkok"] },
  CN: { names: ["china"], cities: ["beijing", "shanghai", "ningxia"] },
  VN: { names: ["vietnam"], cities: ["hanoi"] },
  ID: { names: ["indonesia"], cities: ["jakarta", "batam"] },
  MY: { names: ["malaysia"], cities: ["kualalumpur", "johor"] },
  IN: { names: ["india"], cities: ["mumbai", "hyderabad", "bangalore", "bengaluru", "chennai", "delhi", "pune"], sites: ["blr"] },
  AU: { names: ["australia"], cities: ["sydney", "melbourne"], sites: ["syd"] },
  NZ: { names: ["newzealand"], cities: ["auckland"] },
  IL: { names: ["israel"], cities: ["jerusalem", "telaviv"] },
  AE: { names: ["uae", "emirates"], cities: ["dubai", "abudhabi"] },
  SA: { names: ["saudi"], cities: ["jeddah", "riyadh", "dammam"] },
  QA: { names: ["qatar"], cities: ["doha"] },
  BH: { names: ["bahrain"] },
  ZA: { names: ["southafrica"], cities: ["johannesburg", "capetown"] },
};

/**
 * Cloud region codes that name no place: the providers' published locations. AWS (ap-*, eu-*, me-*,
 * af-*, sa-*), GCP (asia-*, europe-*, me-*, …), Azure names, Lambda, Nebius, IBM.
 */
const CODE_COUNTRY: Record<string, string> = {
  // AWS
  "ap-northeast-1": "JP", "ap-northeast-2": "KR", "ap-northeast-3": "JP", "ap-south-1": "IN", "ap-south-2": "IN",
  "ap-southeast-1": "SG", "ap-southeast-2": "AU", "ap-southeast-3": "ID", "ap-southeast-4": "AU", "ap-southeast-5": "MY",
  "ap-southeast-7": "TH", "ap-east-1": "HK", "ca-central-1": "CA", "ca-west-1": "CA", "eu-central-1": "DE", "eu-central-2": "CH",
  "eu-west-1": "IE", "eu-west-2": "GB", "eu-west-3": "FR", "eu-north-1": "SE", "eu-south-1": "IT", "eu-south-2": "ES",
  "me-central-1": "AE", "me-south-1": "BH", "af-south-1": "ZA", "il-central-1": "IL", "sa-east-1": "BR", "mx-central-1": "MX",
  // GCP
  "asia-east1": "TW", "asia-east2": "HK", "asia-northeast1": "JP", "asia-northeast2": "JP", "asia-northeast3": "KR",
  "asia-south1": "IN", "asia-south2": "IN", "asia-southeast1": "SG", "asia-southeast2": "ID", "australia-southeast1": "AU",
  "australia-southeast2": "AU", "europe-central2": "PL", "europe-north1": "FI", "europe-north2": "SE", "europe-southwest1": "ES",
  "europe-west1": "BE", "europe-west2": "GB", "europe-west3": "DE", "europe-west4": "NL", "europe-west6": "CH",
  "europe-west8": "IT", "europe-west9": "FR", "europe-west10": "DE", "europe-west12": "IT", "me-central1": "QA",
  "me-central2": "SA", "me-west1": "IL", "northamerica-northeast1": "CA", "northamerica-northeast2": "CA",
  "northamerica-south1": "MX", "southamerica-east1": "BR", "southamerica-west1": "CL", "africa-south1": "ZA",
  // Azure
  eastus: "US", eastus2: "US", westus: "US", westus2: "US", westus3: "US", centralus: "US", northcentralus: "US",
  southcentralus: "US", westcentralus: "US", canadacentral: "CA", canadaeast: "CA", brazilsouth: "BR", brazilsoutheast: "BR",
  mexicocentral: "MX", westeurope: "NL", northeurope: "IE", uksouth: "GB", ukwest: "GB", francecentral: "FR", francesouth: "FR",
  germanywestcentral: "DE", germanynorth: "DE", swedencentral: "SE", switzerlandnorth: "CH", switzerlandwest: "CH",
  norwayeast: "NO", norwaywest: "NO", polandcentral: "PL", italynorth: "IT", spaincentral: "ES", japaneast: "JP", japanwest: "JP",
  koreacentral: "KR", koreasouth: "KR", southeastasia: "SG", eastasia: "HK", australiaeast: "AU", australiasoutheast: "AU",
  australiacentral: "AU", centralindia: "IN", southindia: "IN", westindia: "IN", uaenorth: "AE", uaecentral: "AE",
  southafricanorth: "ZA", southafricawest: "ZA", qatarcentral: "QA", israelcentral: "IL", newzealandnorth: "NZ",
  indonesiacentral: "ID", malaysiawest: "MY",
  // Lambda
  "asia-northeast-1": "JP", "asia-northeast-2": "KR", "asia-south-1": "IN", "australia-east-1": "AU", "europe-central-1": "DE",
  "me-west-1": "IL",
  // Nebius
  "eu-north1": "FI", "eu-west1": "FR",
  // IBM Cloud
  "eu-de": "DE", "eu-gb": "GB", "eu-es": "ES", "eu-fr2": "FR",
  // Paperspace
  "east coast (ny2)": "US", "west coast (ca1)": "US", "europe (ams1)": "NL",
};

/** Two-letter prefixes that are areas, not countries ("eu-west-1", "ap-south-1", "sa-east-1" = South America). */
const AREA_PREFIX_NOT_COUNTRY = new Set(["eu", "ap", "me", "sa", "af", "as", "na", "oc"]);

/** Area of a code with no recognisable country ("eu-west-9", "asia-foo1"). */
const AREA_FALLBACK: [RegExp, RegionArea][] = [
  [/^(?:eu|europe)(?:[-_]|$)/, "eu"],
  [/^(?:me)(?:[-_]|$)|^middle[-_]?east/, "middle_east"],
  [/^(?:af|africa)(?:[-_]|$)/, "africa"],
  [/^(?:sa|southamerica)(?:[-_]|$)/, "south_america"],
  [/^(?:ap|asia)(?:[-_]|$)/, "asia"],
  [/^(?:australia|oceania)(?:[-_]|$)/, "oceania"],
];

/** Area-wide search prefixes (regions of the area that start with them). */
const AREA_PREFIX_TERMS: Record<RegionArea, string[]> = {
  us: ["us-", "us"],
  canada: ["ca-", "northamerica-northeast"],
  south_america: ["sa-", "southamerica-", "mx-", "br-"],
  eu: ["eu-", "europe-", "eu", "uk-", "gb-"],
  middle_east: ["me-", "il-"],
  africa: ["af-", "africa-"],
  asia: ["ap-northeast-", "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-7", "ap-east-", "asia-east", "asia-northeast", "asia-southeast", "jp-", "kr-"],
  india: ["ap-south-", "asia-south"],
  oceania: ["ap-southeast-2", "ap-southeast-4", "australia"],
};

const WORD_COUNTRY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [cc, p] of Object.entries(PLACES)) for (const w of [...p.names, ...(p.cities ?? []), ...(p.sites ?? [])]) m.set(w, cc);
  return m;
})();

const NAME_COUNTRY: ReadonlyMap<string, string> = new Map(Object.entries(PLACES).flatMap(([cc, p]) => p.names.map((n) => [n, cc] as const)));

export interface RegionPlace {
  area: RegionArea | null;
  country?: string;
}

const withCountry = (cc: string): RegionPlace => ({ area: COUNTRY_AREA[cc] ?? null, country: cc === "UK" ? "GB" : cc });

/**
 * The area and country of a catalog region: "us-east-1" → us/US, "europe-west4" → eu/NL,
 * "FIN-01" → eu/FI, "se-stockholm-1" → eu/SE, "desmoines-usa-1" → us/US, "Bavaria, DE, EU" → eu/DE,
 * "ap-south-1" → india/IN. Unknown → { area: null }; an area without a country when only the area
 * is evident ("eu-west-9").
 */
export function classifyRegion(region: string): RegionPlace {
  const r = region.trim();
  // "City, CC, CONT" (vast.ai).
  const parts = r.split(",").map((p) => p.trim());
  if (parts.length >= 2) {
    const cc = parts[parts.length - 2]?.toUpperCase();
    if (cc && cc in COUNTRY_AREA) return withCountry(cc);
  }
  // Bare ISO codes ("DE") and numbered ones ("IN1").
  const iso = /^([a-z]{2})\d{0,2}$/i.exec(r);
  if (iso && iso[1].toUpperCase() in COUNTRY_AREA && !AREA_PREFIX_NOT_COUNTRY.has(iso[1].toLowerCase())) return withCountry(iso[1].toUpperCase());
  const l = r.toLowerCase();
  const exact = CODE_COUNTRY[l];
  if (exact) return withCountry(exact);
  const tokens = l.split(/[^a-z0-9]+/).filter(Boolean).map((t) => t.replace(/\d+[a-z]?$/, "")).filter(Boolean);
  // Country names first ("london-uk-1"), then cities and site codes ("eu-frankfurt-1", "FRA").
  for (const t of tokens) if (NAME_COUNTRY.has(t)) return withCountry(NAME_COUNTRY.get(t)!);
  for (const t of tokens) if (WORD_COUNTRY.has(t)) return withCountry(WORD_COUNTRY.get(t)!);
  // ISO-prefixed codes: "fr-par", "it-mi2", "jp-tok", "no-kristiansand-1", "us-south".
  const first = tokens[0];
  if (first && first.length === 2 && !AREA_PREFIX_NOT_COUNTRY.has(first) && first.toUpperCase() in COUNTRY_AREA) return withCountry(first.toUpperCase());
  for (const [re, area] of AREA_FALLBACK) if (re.test(l)) return { area };
  return { area: null };
}

const uniqLower = (xs: string[]) => [...new Set(xs.map((x) => x.toLowerCase()).filter(Boolean))];

/**
 * The ISO code as a search term ("de" finds "DE", "de-…" and "…, DE, EU"), except where it is an
 * area prefix too ("sa-east-1" is South America, not Saudi Arabia): there it would only add noise.
 */
function isoTerms(cc: string): string {
  return AREA_PREFIX_NOT_COUNTRY.has(cc.toLowerCase()) ? "" : cc;
}

/** Known region codes of a country (the exact table), for search terms. */
function knownCodes(cc: string): string[] {
  return Object.entries(CODE_COUNTRY).filter(([, c]) => c === cc).map(([code]) => code);
}

/** Does a search term find this region (prefix or whole word; the semantics of regionMatches)? */
function termFinds(region: string, term: string): boolean {
  const r = region.toLowerCase();
  if (r.startsWith(term)) return true;
  const esc = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^a-z0-9])${esc}($|[^a-z0-9])`).test(r);
}

/** Adds each known code that the terms so far do not find (so no known region is missed). */
function withUncovered(terms: string[], codes: string[]): string[] {
  const out = [...terms];
  for (const code of codes) if (!out.some((t) => termFinds(code, t))) out.push(code);
  return out;
}

/**
 * Search terms that find a country's regions, most important first: [ISO code, site codes and the
 * known cloud codes those miss] ("de": "DE", "de-…", "…, DE, EU"; "fra": OVH "FRA";
 * "eu-central-1"), [country names] ("germany": "frankfurt-germany-5", "GERMANY"), [cities]
 * ("frankfurt": "eu-frankfurt-1"). A superset: callers check classifyRegion afterwards.
 */
export function countrySearchTiers(cc: string): string[][] {
  const p = PLACES[cc];
  const core = uniqLower([isoTerms(cc), ...(p?.sites ?? [])]);
  return [withUncovered(core, knownCodes(cc)), uniqLower(p?.names ?? []), uniqLower(p?.cities ?? [])];
}

export function countrySearchTerms(cc: string): string[] {
  return uniqLower(countrySearchTiers(cc).flat());
}

/**
 * Areas whose city-named cloud codes share an area prefix ("eu-frankfurt-1", "us-ashburn-1") or
 * carry a country name ("frankfurt-germany-5", "desmoines-usa-1"): their area search leaves city
 * names out, which keeps the list short. Elsewhere the cities are needed ("ap-tokyo-1" is Asia,
 * "ap-sydney-1" is not).
 */
const AREA_PREFIX_COVERS_CITIES: ReadonlySet<RegionArea> = new Set(["us", "eu"]);

/**
 * Search terms that find an area's regions, most important first: [its prefixes ("eu-",
 * "europe-"), every country's ISO and site codes, the known cloud codes those miss], [country
 * names], [cities, where AREA_PREFIX_COVERS_CITIES says they are needed].
 */
export function areaSearchTiers(area: RegionArea): string[][] {
  const countries = Object.keys(COUNTRY_AREA).filter((cc) => COUNTRY_AREA[cc] === area && cc !== "UK");
  const core = uniqLower([...AREA_PREFIX_TERMS[area], ...countries.flatMap((cc) => [isoTerms(cc), ...(PLACES[cc]?.sites ?? [])])]);
  const names = uniqLower(countries.flatMap((cc) => PLACES[cc]?.names ?? []));
  const cities = AREA_PREFIX_COVERS_CITIES.has(area) ? [] : uniqLower(countries.flatMap((cc) => PLACES[cc]?.cities ?? []));
  return [withUncovered(core, countries.flatMap(knownCodes)), names, cities];
}

export function areaSearchTerms(area: RegionArea): string[] {
  return uniqLower(areaSearchTiers(area).flat());
}
