import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { Agent } from "undici";

/** Every address a host name resolves to. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true });

/**
 * A `fetch` dispatcher whose connections go to these addresses only, however the name resolves
 * by then: the addresses checked are the addresses connected to (no DNS rebinding in between).
 * TLS still verifies the certificate against the URL's host name.
 */
export function pinnedDispatcher(addresses: [LookupAddress, ...LookupAddress[]]): Agent {
  const [first] = addresses;
  const pinned: LookupFunction = (_hostname, options, callback) =>
    options.all ? callback(null, addresses) : callback(null, first.address, first.family);
  return new Agent({ connect: { lookup: pinned } });
}
