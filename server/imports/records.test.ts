import { describe, expect, it } from "vitest";
import { createRowReader } from "./records";

describe("createRowReader", () => {
  it("numbers rows by the line they start on: the header is line 1, blank lines count", () => {
    const reader = createRowReader(["externalId", null, "name"]);
    const rows = [
      ["externalId", "notes", "name"],
      ["a", "x", "Ana"],
      [""],
      ["b", "one\ntwo\r\nthree", "Ben"],
      ["c", "", "Cy"],
    ].map((record) => reader.read(record));
    expect(rows).toEqual([
      null,
      { line: 2, values: { externalId: "a", name: "Ana" } },
      null,
      { line: 4, values: { externalId: "b", name: "Ben" } },
      { line: 7, values: { externalId: "c", name: "Cy" } },
    ]);
  });

  it("sends only the mapped columns", () => {
    const reader = createRowReader([null, "email"]);
    reader.read(["id", "mail"]);
    expect(reader.read(["1", "a@b.example"])).toEqual({
      line: 2,
      values: { email: "a@b.example" },
    });
  });

  it("reports a row whose cell count differs from the header's, instead of shifting its values", () => {
    const reader = createRowReader(["externalId", "name"]);
    reader.read(["externalId", "name"]);
    expect(reader.read(["a", "Nguyen", "Lan"])).toEqual({
      line: 2,
      values: {},
      problem: {
        field: "(row)",
        reason:
          "has 3 cells where the header has 2 columns (a value holding the separator or a line break must be in double quotes)",
      },
    });
    expect(reader.read(["b"])?.problem?.reason).toMatch(/^has 1 cell where/);
  });

  it("reports a runaway cell by its column's header", () => {
    const reader = createRowReader(["externalId", "name"]);
    reader.read(["externalId", "Full name"]);
    expect(reader.read(["a", "x".repeat(6_001)])?.problem).toEqual({
      field: "Full name",
      reason: "is longer than 6,000 characters",
    });
  });

  it("reports a repeated external id (trimmed) with the first line it appeared on", () => {
    const reader = createRowReader(["externalId"]);
    const rows = [["externalId"], ["a"], ["b"], [" a "], ["b"]].map((r) => reader.read(r));
    expect(rows.map((r) => r?.problem?.reason ?? null)).toEqual([
      null,
      null,
      null,
      "repeats the external id of line 2",
      "repeats the external id of line 3",
    ]);
  });

  it("passes the parser's problem on as the row's", () => {
    const reader = createRowReader(["externalId"]);
    reader.read(["externalId"]);
    expect(reader.read(["a"], "has a double quote that is never closed")).toEqual({
      line: 2,
      values: {},
      problem: { field: "(row)", reason: "has a double quote that is never closed" },
    });
  });
});
