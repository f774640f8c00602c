import { describe, expect, it } from "vitest";
import { line, pastInstant, prose, webUrl } from "./bounded";

const reasons = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("line", () => {
  it("trims and keeps ordinary text in any script", () => {
    expect(line(40).parse("  Nguyễn Thị Lan 😀 ")).toBe("Nguyễn Thị Lan 😀");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a tab", "a\tb"],
    ["a line break", "a\nb"],
    ["DEL", "a\u007fb"],
    ["a C1 control", "a\u0085b"],
    ["an unpaired surrogate", "a\ud800b"],
  ])("refuses %s", (_, value) => {
    expect(reasons(line(40).safeParse(value))).toEqual([
      "must not contain control characters such as NUL, tabs or line breaks",
    ]);
  });

  it("counts the limit after trimming", () => {
    expect(line(3).safeParse("  abc  ").success).toBe(true);
    expect(line(3).safeParse("abcd").success).toBe(false);
  });
});

describe("prose", () => {
  it("keeps tabs and line breaks inside the text", () => {
    expect(prose(40).parse("Hi,\r\n\tcome back\n")).toBe("Hi,\r\n\tcome back");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["an escape", "a\u001bb"],
    ["an unpaired surrogate", "\udc00"],
  ])("refuses %s", (_, value) => {
    expect(reasons(prose(40).safeParse(value))).toEqual([
      "must not contain control characters such as NUL",
    ]);
  });
});

describe("webUrl", () => {
  it("takes an https URL", () => {
    expect(webUrl().parse("https://cdn.example/icon.png")).toBe("https://cdn.example/icon.png");
  });

  it.each([
    ["a NUL", "https://cdn.example/\u0000.png"],
    ["another scheme", "javascript:alert(1)"],
  ])("refuses %s", (_, value) => {
    expect(webUrl().safeParse(value).success).toBe(false);
  });
});

describe("pastInstant", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const instant = pastInstant(now);

  it("parses an instant with its zone to a Date", () => {
    expect(instant.parse("2026-11-20T16:00:00-06:00")).toEqual(new Date("2026-11-20T22:00:00Z"));
    expect(instant.parse("1970-01-01T00:00:00Z")).toEqual(new Date(0));
  });

  it("allows the sender's clock a few minutes ahead of ours", () => {
    expect(instant.safeParse("2026-11-23T12:04:59Z").success).toBe(true);
    expect(reasons(instant.safeParse("2026-11-23T12:05:01Z"))).toEqual(["is in the future"]);
  });

  it.each([
    ["the year 0000", "0000-01-01T00:00:00Z", "must not be before 1970-01-01"],
    ["1969", "1969-12-31T23:59:59Z", "must not be before 1970-01-01"],
    ["the year 9999", "9999-12-31T23:59:59Z", "is in the future"],
    ["a time without zone", "2026-11-20T16:00:00", "must be an ISO-8601 time with zone"],
    ["a day that does not exist", "2026-02-30T00:00:00Z", "must be an ISO-8601 time with zone"],
    ["not a time", "yesterday", "must be an ISO-8601 time with zone"],
  ])("refuses %s", (_, value, reason) => {
    expect(reasons(instant.safeParse(value))).toEqual([reason]);
  });
});
