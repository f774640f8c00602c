import { describe, expect, it } from "vitest";
import {
  LINK_ID_LENGTH,
  MESSAGE_KEY_LENGTH,
  linkIdSchema,
  newLinkTag,
  newMessageKey,
  splitLinkId,
} from "./link-id";

const newLinkId = () => `${newMessageKey()}${newLinkTag()}`;

describe("link ids — “at least 64 bits of randomness” (SPEC §1.10)", () => {
  it("carry at least 64 bits in the message key alone, 16 characters of 62 in all", () => {
    expect(MESSAGE_KEY_LENGTH * Math.log2(62)).toBeGreaterThanOrEqual(64);
    expect(LINK_ID_LENGTH).toBe(16);
    const id = newLinkId();
    expect(id).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(linkIdSchema.safeParse(id).success).toBe(true);
    expect(splitLinkId(id)).toEqual({ key: id.slice(0, 11), tag: id.slice(11) });
  });

  it("are distinct, and every character of the alphabet turns up about equally often", () => {
    const ids = Array.from({ length: 20_000 }, newLinkId);
    expect(new Set(ids).size).toBe(ids.length);
    const counts = new Map<string, number>();
    for (const c of ids.join("")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 320,000 characters: ~5,161 each; a bias such as `byte % 62` (+25% for eight) shows.
    const expected = (ids.length * LINK_ID_LENGTH) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.08);
  });

  it.each([
    ["empty", ""],
    ["one character short", "A".repeat(15)],
    ["one character long", "A".repeat(17)],
    ["a character outside base 62", `${"A".repeat(15)}-`],
    ["a former JWT link", "eyJhbGciOiJIUzI1NiJ9.eyJrIjoiciJ9.sig"],
    ["percent-encoded NUL", `${"A".repeat(13)}%00`],
  ])("anything else is not an id: %s", (_, value) => {
    expect(linkIdSchema.safeParse(value).success).toBe(false);
  });
});
