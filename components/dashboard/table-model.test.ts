import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { cellText, csvFileName, toCsv, type TableModel } from "./table-model";

const table: TableModel = {
  title: "By stage",
  columns: [{ label: "Stage" }, { label: "Reached", numeric: true }, { label: "Revenue" }],
  rows: [
    { key: "a", cells: ["1 month", "1,204", ["$12.00", "₫50,000"]] },
    { key: "b", cells: ['Say "hi", then', "3", ["—"]] },
  ],
};

describe("a dashboard table as CSV", () => {
  it("holds exactly the table's header and cells, quoted where needed", () => {
    const csv = toCsv(table);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed).toEqual([
      ["Stage", "Reached", "Revenue"],
      ["1 month", "1,204", "$12.00; ₫50,000"],
      ['Say "hi", then', "3", "—"],
    ]);
    expect(csv.split("\r\n")[2]).toBe('"Say ""hi"", then",3,—');
  });

  it("joins a cell's lines with a semicolon", () => {
    expect(cellText(["a", "b"])).toBe("a; b");
    expect(cellText("a")).toBe("a");
  });

  it("names the file after the table and the range", () => {
    expect(csvFileName("By dormancy cohort", { from: "2026-01-01", to: "2026-03-31" })).toBe(
      "rekindle-by-dormancy-cohort-2026-01-01-to-2026-03-31.csv",
    );
    expect(csvFileName("Reminded and held out", { from: "a", to: "b" })).toBe(
      "rekindle-reminded-and-held-out-a-to-b.csv",
    );
  });
});
