import { createHash } from "node:crypto";

/**
 * SPEC §1.8: a cycle is held out when the first 8 hex digits of
 * sha256("<salt>:<externalId>:<cycle start as toISOString()>"), read as an integer, fall below
 * `percent` % of 2^32. Deterministic, so a replay or a second worker decides alike.
 */
export function isHeldOut(
  salt: string,
  externalId: string,
  cycleStart: Date,
  percent: number,
): boolean {
  if (percent <= 0) return false;
  const digest = createHash("sha256")
    .update(`${salt}:${externalId}:${cycleStart.toISOString()}`)
    .digest("hex");
  return parseInt(digest.slice(0, 8), 16) < (percent / 100) * 2 ** 32;
}
