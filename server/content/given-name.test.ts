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
  ])("%s (%s) → %s", (name, locale, expected) => {
    expect(givenName(name, locale)).toBe(expected);
  });
});
