import Papa from "papaparse";

/** A rejected row as the page lists it. */
export type ReportedError = { line: number; field: string; reason: string };

/*
 * Spreadsheets run a cell that starts with =, +, - or @ as a formula: a field name taken from the
 * file's header could do that in the owner's spreadsheet. Such cells get a leading apostrophe.
 */
const FORMULA = /^[=+\-@\t\r]/;
const inert = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);

/** The error list as a CSV file (line, field, reason), for the summary's download. */
export function errorReportCsv(errors: ReportedError[]): string {
  return Papa.unparse({
    fields: ["line", "field", "reason"],
    data: errors.map((e) => [String(e.line), inert(e.field), inert(e.reason)]),
  });
}
