import { createHmac, timingSafeEqual } from "node:crypto";

export type TwilioParams = URLSearchParams | Record<string, string>;

/**
 * Twilio's `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the auth token, of the full URL
 * Twilio called followed by every POST parameter as name then value, sorted by name. A repeated
 * name's values are sorted and counted once, as Twilio's own libraries do.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const pairs = [...new URLSearchParams(params)].sort(byNameThenValue);
  const data = pairs
    .filter((pair, i) => i === 0 || byNameThenValue(pair, pairs[i - 1]!) !== 0)
    .reduce((text, [name, value]) => text + name + value, url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/**
 * `url` must be the public URL exactly as configured at Twilio (scheme, host, port, query), not
 * the one a proxy forwarded to the app.
 */
export function verifyTwilioSignature(input: {
  authToken: string;
  url: string;
  params: TwilioParams;
  signature: string | null | undefined;
}): boolean {
  if (!input.signature) return false;
  const expected = Buffer.from(twilioSignature(input.authToken, input.url, input.params));
  const given = Buffer.from(input.signature);
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the token.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** By UTF-16 code unit, as Twilio's own libraries sort. */
function byNameThenValue([a, av]: [string, string], [b, bv]: [string, string]): number {
  return compare(a, b) || compare(av, bv);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
