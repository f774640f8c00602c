import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { errorReportCsv } from "./error-report";

describe("errorReportCsv", () => {
  it("writes one row per error, quoting commas and disarming formulas", () => {
    const csv = errorReportCsv([
      { line: 3, field: "email", reason: "must be a valid email address" },
      { line: 7, field: "=HYPERLINK(1)", reason: "has 3 cells, where the header has 2" },
    ]);
    expect(Papa.parse(csv).data).toEqual([
      ["line", "field", "reason"],
      ["3", "email", "must be a valid email address"],
      ["7", "'=HYPERLINK(1)", "has 3 cells, where the header has 2"],
    ]);
  });
});
