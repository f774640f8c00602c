import ipaddr from "ipaddr.js";

/**
 * Names that never lead to a public host: RFC 6761 (`localhost`, `test`, `example`, `invalid`),
 * mDNS (`local`), home networks (`home.arpa`, `lan`, `localdomain`) and private-use `internal`.
 */
const PRIVATE_NAME_SUFFIXES = [
  "localhost",
  "local",
  "localdomain",
  "internal",
  "lan",
  "home.arpa",
  "test",
  "example",
  "invalid",
];

/** ipaddr.js's range names as an integrator reads them; the others (`loopback`, `private`…) as is. */
const RANGE_LABELS: Record<string, string> = {
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique local",
  reserved: "reserved or documentation",
  ipv4Mapped: "IPv4-mapped",
  rfc6145: "IPv4-translated",
  rfc6052: "NAT64, carries an IPv4 address",
  "6to4": "6to4, carries an IPv4 address",
  teredo: "Teredo, carries an IPv4 address",
};

/** IPv6 global unicast (RFC 4291); everything else is special or unassigned. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

/**
 * Why the address may not be sent to, or null when it is public. Everything ipaddr.js does not
 * call plain unicast is refused: loopback, private, link-local, CGNAT, multicast, documentation,
 * reserved, and IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4, Teredo).
 */
export function addressProblem(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = ipaddr.parse(address);
  const range = ip.range();
  if (range !== "unicast") return `${address} is not public (${RANGE_LABELS[range] ?? range})`;
  if (ip.kind() === "ipv6" && !ip.match(GLOBAL_UNICAST_V6)) {
    return `${address} is not public (unassigned)`;
  }
  return null;
}

/**
 * Why the host (a URL's `hostname`, already normalised: `https://2130706433/` reads
 * `127.0.0.1`) is not a public host, or null. A name passing here is checked again after it is
 * resolved, at send time.
 */
export function hostProblem(hostname: string): string | null {
  const host = hostname
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "")
    .toLowerCase();
  if (ipaddr.isValid(host)) return addressProblem(host);
  // A single label is resolved through search domains and /etc/hosts: a neighbour, not the web.
  if (!host.includes(".")) return `${host} is not a public host name`;
  const suffix = PRIVATE_NAME_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  return suffix ? `.${suffix} names are not public` : null;
}

/** Why a push endpoint is unusable, or null for an `https:` URL on a public host. */
export function endpointProblem(endpoint: string): string | null {
  if (!URL.canParse(endpoint)) return "must be a URL";
  const url = new URL(endpoint);
  if (url.protocol !== "https:") return "must be an https URL";
  const problem = hostProblem(url.hostname);
  return problem && `must be on a public host: ${problem}`;
}
