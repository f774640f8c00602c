import { describe, expect, it } from "vitest";
import { isIanaTimeZone } from "./zod-extras";

describe("isIanaTimeZone", () => {
  it.each([
    ["Asia/Ho_Chi_Minh", true],
    ["Pacific/Kiritimati", true],
    ["America/Argentina/Buenos_Aires", true],
    ["UTC", true],
    // Intl takes these, but they are not IANA names a contact's zone should carry.
    ["EST", false],
    ["+07:00", false],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ])("%j is %s, asked once or again", (zone, valid) => {
    expect(isIanaTimeZone(zone)).toBe(valid);
    // The second answer comes from memory and must not differ.
    expect(isIanaTimeZone(zone)).toBe(valid);
  });
});
