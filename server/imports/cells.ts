import type { ImportTarget } from "./fields";

/*
 * CSV cells are text; the integration API's rows have lists, maps and booleans. This turns the
 * mapped cells of one row into the API's row shape and nothing more: every check stays with the
 * API's own schema, so a row is accepted or refused exactly as `POST /api/v1/...` would.
 */

type Cells = Partial<Record<string, string>>;

/** A cell's value in the API row; undefined leaves the field out (an empty cell keeps the stored value). */
type Convert = (cell: string) => unknown;

const LIST_SEPARATOR = /[;,|]/;

const list = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** "email:subscribed; sms=unsubscribed; web push" → { email, sms, web_push }; alone means subscribed. */
function channels(cell: string): Record<string, string> {
  const states: Record<string, string> = {};
  for (const item of list(cell)) {
    const [name = "", state = "subscribed"] = item.split(/[:=]/).map((part) => part.trim());
    states[name.toLowerCase().replace(/[\s-]+/g, "_")] = state.toLowerCase();
  }
  return states;
}

/** yes/no spellings of spreadsheets; anything else goes to the schema as text, which refuses it. */
function flag(cell: string): boolean | string {
  const word = cell.toLowerCase();
  if (["true", "yes", "y", "1"].includes(word)) return true;
  if (["false", "no", "n", "0"].includes(word)) return false;
  return cell;
}

/** Spreadsheets show "+1 (312) 555-0199"; the API wants "+13125550199". */
const phone = (cell: string) => cell.replace(/[\s().-]/g, "");

const converters: Record<ImportTarget, Record<string, Convert>> = {
  contacts: { tags: list, channels, lastActivityOverride: flag, phone },
  exercises: {},
};

/** The API row of one CSV row's mapped cells: trimmed, empty cells left out. */
export function toApiRow(target: ImportTarget, cells: Cells): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(cells)) {
    const cell = raw?.trim() ?? "";
    if (cell === "") continue;
    const convert = converters[target][field];
    row[field] = convert ? convert(cell) : cell;
  }
  return row;
}
