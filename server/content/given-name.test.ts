import { describe, expect, it } from "vitest";
import { givenName } from "./given-name";

describe("givenName: who {{first_name}} greets", () => {
  it.each([
    ["Maria Lopez", "en-US", "Maria"],
    ["Maria Lopez", null, "Maria"],
    ["Nguyễn Văn An", "vi-VN", "An"],
    ["Bùi Anh Hoàng", "vi", "Hoàng"],
    ["Kim Min-jun", "ko-KR", "Min-jun"],
    ["Tanaka Hanako", "ja", "Hanako"],
    ["Lan", "vi-VN", "Lan"],
    ["  ", "en", ""],
  ])("%s (%s), given-first tenant → %s", (name, locale, expected) => {
    expect(givenName({ name, locale }, "given_first")).toBe(expected);
  });

  // A learner of a Vietnamese app browsing in en-US is still "Phan Diễm Hương", family first.
  it.each([
    ["Phan Diễm Hương", "en-US", "Hương"],
    ["Phan Diễm Hương", null, "Hương"],
    ["Nguyễn Văn An", "vi-VN", "An"],
    ["Kim Min-jun", "ko-KR", "Min-jun"],
    ["Lan", "en-US", "Lan"],
  ])("%s (%s), family-first tenant → %s", (name, locale, expected) => {
    expect(givenName({ name, locale }, "family_first")).toBe(expected);
  });

  it("a Vietnamese locale wins over a given-first tenant's order", () => {
    expect(givenName({ name: "Phan Diễm Hương", locale: "vi-VN" }, "given_first")).toBe("Hương");
  });

  it("greets by the first name the tenant gave, as given, in any order", () => {
    const contact = { name: "Phan Diễm Hương", firstName: "Diễm Hương", locale: "en-US" };
    expect(givenName(contact, "family_first")).toBe("Diễm Hương");
    expect(givenName(contact, "given_first")).toBe("Diễm Hương");
    expect(givenName({ ...contact, firstName: null }, "given_first")).toBe("Phan");
  });
});
