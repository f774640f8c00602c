import { describe, expect, it } from "vitest";
import { fieldRows, kindLabel, valueWords, words } from "./words";

describe("audit data in words", () => {
  it("names kinds, and unknown keys by their words", () => {
    expect(kindLabel("api_key")).toBe("API keys");
    expect(kindLabel("data_export")).toBe("Data export");
    expect(words("rowsSkipped")).toBe("Rows skipped");
    expect(words("rows_skipped")).toBe("Rows skipped");
  });

  it("words values: booleans, numbers, instants in the zone, lists, channels", () => {
    const zone = "Asia/Ho_Chi_Minh";
    expect(valueWords("newUser", true, zone)).toBe("yes");
    expect(valueWords("rows", 12500, zone)).toBe("12,500");
    expect(valueWords("startedAt", "2026-12-03T06:09:27.123Z", zone)).toBe("3 Dec 2026, 13:09");
    expect(valueWords("to", ["owner", "marketer"], zone)).toBe("owner, marketer");
    expect(valueWords("roles", [], zone)).toBe("none");
    expect(valueWords("channel", "web_push", zone)).toBe("Web push");
    expect(valueWords("before", null, zone)).toBe("—");
  });

  it("lists a team or an import entry's fields by name, without internal ids", () => {
    const zone = "UTC";
    expect(
      fieldRows(
        {
          userId: "0b6f1c1e-3c1a-4d8e-9f55-3a4b2c1d0e9f",
          email: "lan@lotus.example",
          from: ["marketer"],
          to: ["owner"],
        },
        zone,
      ),
    ).toEqual([
      { label: "Email", value: "lan@lotus.example" },
      { label: "Before", value: "marketer" },
      { label: "After", value: "owner" },
    ]);
    expect(
      fieldRows(
        {
          fileName: "contacts.csv",
          rows: 3,
          rejected: 1,
          errors: [{ row: 2, field: "email", reason: "must be a valid email address" }],
          totals: { rowsSkipped: 0 },
        },
        zone,
      ),
    ).toEqual([
      { label: "File", value: "contacts.csv" },
      { label: "Rows in the file", value: "3" },
      { label: "Rows rejected", value: "1" },
      {
        label: "Errors",
        rows: [
          {
            label: "1",
            rows: [
              { label: "Row", value: "2" },
              { label: "Field", value: "email" },
              { label: "Reason", value: "must be a valid email address" },
            ],
          },
        ],
      },
      { label: "Totals", rows: [{ label: "Rows skipped", value: "0" }] },
    ]);
  });
});
