// The Podcast Index namespace's rules for soundbites, socialInteract, license and location, as plain checks.
// https://podcastindex.org/namespace/1.0 (tags soundbite, socialInteract, license, location)

/** `podcast:soundbite`: "recommended between 15 and 120 seconds"; podwire holds editors to it. */
export const SOUNDBITE_MIN_SECONDS = 15;
export const SOUNDBITE_MAX_SECONDS = 120;

/** Aggregators may truncate node values and attributes past 128 characters (soundbite, license, location). */
export const TAG_TEXT_MAX = 128;

/**
 * `podcast:socialInteract protocol`: the namespace's socialprotocols.txt (disabled, activitypub,
 * twitter, lightning, bluesky, hive, matrix, nostr), and `atproto`, the protocol under Bluesky.
 */
export const SOCIAL_PROTOCOLS = [
  'disabled',
  'activitypub',
  'atproto',
  'bluesky',
  'hive',
  'lightning',
  'matrix',
  'nostr',
  'twitter',
] as const;

/** `podcast:location rel`: what the place is to the content (default `subject`). */
export const LOCATION_RELS = ['subject', 'creator'] as const;

/**
 * Well-known licences whose URL may be left out (the namespace: "optional for well-known public
 * licenses"): the SPDX identifiers of the Creative Commons family, which podcast apps resolve
 * themselves (podcast-partytime maps them to spdx.org). Any other licence needs its URL.
 */
const CC_KINDS = ['BY', 'BY-SA', 'BY-ND', 'BY-NC', 'BY-NC-SA', 'BY-NC-ND'];
export const WELL_KNOWN_LICENSES: readonly string[] = [
  'CC0-1.0',
  'CC-PDDC',
  ...CC_KINDS.flatMap((kind) => ['1.0', '2.0', '2.5', '3.0', '4.0'].map((v) => `CC-${kind}-${v}`)),
];
const LICENSE_BY_LOWER = new Map(WELL_KNOWN_LICENSES.map((id) => [id.toLowerCase(), id]));

/** The SPDX spelling of a well-known licence (`cc-by-4.0` → `CC-BY-4.0`), or undefined for others. */
export const wellKnownLicense = (name: string): string | undefined =>
  LICENSE_BY_LOWER.get(name.toLowerCase());

/** ISO 3166-1 alpha-2 codes currently assigned (249; user-assigned and reserved codes excluded). */
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
    'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
    'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
    'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
    'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
    'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
    'VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Whether `code` (any case) is an ISO 3166-1 alpha-2 country code. */
export const isCountryCode = (code: string) =>
  /^[A-Za-z]{2}$/.test(code) && ISO_COUNTRIES.has(code.toUpperCase());

/** OpenStreetMap type and id, as the namespace writes them: `R113314`, `W5013364`, `N1#2` (with a revision). */
export const OSM_ID = /^[NWR][1-9]\d{0,14}(#[1-9]\d{0,9})?$/;

// RFC 5870 §3.3: geo-URI = "geo:" coord-a "," coord-b [ "," coord-c ] [ ";crs=" label ] [ ";u=" pnum ] *( ";" pname [ "=" pvalue ] )
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const PARAM = String.raw`;[A-Za-z0-9-]+(?:=(?:[A-Za-z0-9\-_.!~*'()\[\]:&+$]|%[0-9A-Fa-f]{2})+)?`;
const GEO_URI = new RegExp(`^geo:(${NUMBER}),(${NUMBER})(?:,(${NUMBER}))?((?:${PARAM})*)$`, 'i');

/**
 * What is wrong with `value` as an RFC 5870 geo URI (`geo:30.2672,-97.7431`, with an optional
 * altitude, `;crs=`, `;u=` uncertainty in metres and other parameters), or undefined when it is one.
 * In the default WGS-84 reference system the latitude is within ±90 and the longitude within ±180.
 */
export function geoUriProblem(value: string): string | undefined {
  const m = GEO_URI.exec(value);
  if (!m)
    return 'must be a geo URI such as geo:30.2672,-97.7431 (RFC 5870: latitude,longitude in decimal degrees)';
  const params = (m[4] ?? '').split(';').slice(1);
  const names = params.map((p) => p.split('=')[0]?.toLowerCase());
  const crs = params
    .find((p) => /^crs=/i.test(p))
    ?.slice(4)
    .toLowerCase();
  // §3.3: crs, when given, comes first and u second; each at most once.
  if (names.indexOf('crs') > 0) return 'must give ;crs= before any other parameter (RFC 5870)';
  if (names.includes('u') && names.indexOf('u') !== (crs === undefined ? 0 : 1))
    return 'must give ;u= right after the coordinates or ;crs= (RFC 5870)';
  if (
    names.filter((n) => n === 'u' || n === 'crs').length !==
    new Set(names.filter((n) => n === 'u' || n === 'crs')).size
  )
    return 'must give ;crs= and ;u= at most once each (RFC 5870)';
  const u = params.find((p) => /^u=/i.test(p))?.slice(2);
  if (u !== undefined && !/^\d+(\.\d+)?$/.test(u))
    return 'must give the uncertainty ;u= as metres, a number of 0 or more';
  if (crs === undefined || crs === 'wgs84') {
    const [lat, lon] = [Number(m[1]), Number(m[2])];
    if (Math.abs(lat) > 90) return 'must have a latitude between -90 and 90';
    if (Math.abs(lon) > 180) return 'must have a longitude between -180 and 180';
  }
  return undefined;
}
