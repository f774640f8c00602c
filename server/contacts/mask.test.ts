import { describe, expect, it } from "vitest";
import { maskEmail, maskId, maskPhone } from "./mask";

describe("masked addresses", () => {
  it.each([
    ["maria@mail.example", "m***@mail.example"],
    ["a@b.example", "a***@b.example"],
    ["odd@name@mail.example", "o***@mail.example"],
    ["no-at-sign", "***"],
  ])("email %s → %s", (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it.each([
    ["+13125550100", "+1 ••• ••• 0100"], // North America: one-digit code, ten digits
    ["+84901234567", "+84 ••• •• 4567"], // Vietnam: two-digit code, nine digits
    ["+442071838750", "+44 ••• ••• 8750"], // United Kingdom
    ["+85291234567", "+852 ••• • 4567"], // Hong Kong: three-digit code
    ["+79161234567", "+7 ••• ••• 4567"], // Russia: one-digit code
    ["+123", "•••"],
  ])("phone %s → %s", (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it("keeps two characters at each end of an id", () => {
    expect(maskId("8400000042")).toBe("84•••42");
    expect(maskId("abc")).toBe("•••");
  });
});
