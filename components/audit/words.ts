/*
 * An audit entry's data in words: the page never shows a raw JSON key when it can name it. Kinds
 * without a view of their own (team, import, and any added later) are shown field by field with
 * these labels; an unknown field reads as its words ("rowsSkipped" → "Rows skipped").
 */

/** Each kind as the log's filter and badges name it. */
export const kindLabels: Record<string, string> = {
  settings: "Settings",
  template: "Templates",
  pin: "Pins",
  team: "Team",
  api_key: "API keys",
  import: "Imports",
  activation: "Activation",
  contact: "Contacts",
};

export function kindLabel(kind: string): string {
  return kindLabels[kind] ?? words(kind);
}

const fieldLabels: Record<string, string> = {
  email: "Email",
  role: "Role",
  roles: "Roles",
  from: "Before",
  to: "After",
  before: "Before",
  after: "After",
  newUser: "New to Rekindle",
  name: "Name",
  externalId: "External id",
  target: "Imported into",
  fileName: "File",
  rows: "Rows in the file",
  imported: "Rows imported",
  created: "Created",
  updated: "Updated",
  rejected: "Rows rejected",
  status: "Status",
  startedAt: "Started",
  finishedAt: "Finished",
  version: "Version",
  channel: "Channel",
  tag: "Tag",
  reason: "Reason",
  errors: "Errors",
};

/** "rowsSkipped", "rows_skipped" → "Rows skipped". */
export function words(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase()
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function fieldLabel(key: string): string {
  return fieldLabels[key] ?? words(key);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Internal references (a user's or an import's id) mean nothing to a reader: the entry's other
 * fields name the same thing (an email, a file name).
 */
export function isInternalId(key: string, value: unknown): boolean {
  return (key === "id" || /Id$/.test(key)) && typeof value === "string" && UUID.test(value);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const channelNames: Record<string, string> = {
  email: "Email",
  sms: "SMS",
  web_push: "Web push",
  zalo: "Zalo",
};

/** A scalar value in words: yes/no, grouped numbers, instants in `timeZone`, channel names. */
export function valueWords(key: string, value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en");
  if (value instanceof Date) return instant(value, timeZone);
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) return instant(new Date(value), timeZone);
    if (key === "channel") return channelNames[value] ?? value;
    return value;
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null))
    return value.length === 0 ? "none" : value.map((v) => valueWords(key, v, timeZone)).join(", ");
  return JSON.stringify(value);
}

function instant(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

/** One row of the generic view: a label and either words or nested rows. */
export type FieldRow = { label: string; value: string } | { label: string; rows: FieldRow[] };

/** The data's fields in words, nested objects as nested rows, internal ids left out. */
export function fieldRows(data: Record<string, unknown>, timeZone: string): FieldRow[] {
  return Object.entries(data)
    .filter(([key, value]) => !isInternalId(key, value))
    .map(([key, value]): FieldRow => {
      const label = fieldLabel(key);
      if (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date))
        return { label, rows: fieldRows(value as Record<string, unknown>, timeZone) };
      if (Array.isArray(value) && value.some((v) => v && typeof v === "object"))
        return {
          label,
          rows: value.map((item, i) =>
            item && typeof item === "object"
              ? { label: `${i + 1}`, rows: fieldRows(item as Record<string, unknown>, timeZone) }
              : { label: `${i + 1}`, value: valueWords(key, item, timeZone) },
          ),
        };
      return { label, value: valueWords(key, value, timeZone) };
    });
}
