/*
 * What a CSV import can fill, shared by the import page (column mapping) and the server (which
 * turns the mapped cells into the integration API's rows). Pure: no server dependency, listed in
 * lint/client-imports.mjs.
 */

export const importTargets = ["contacts", "exercises"] as const;
export type ImportTarget = (typeof importTargets)[number];

/** Rows per server call: the integration API's batch size, so both paths store alike. */
export const IMPORT_BATCH_ROWS = 1_000;

/**
 * The longest cell sent to the server. Longer than any field allows (a URL: 2,000 characters; 50
 * tags of 100), so the schema still says why a long value is wrong, while a runaway cell (a
 * missing closing quote swallowing the rest of the file) is caught in the browser, per row.
 */
export const MAX_CELL_CHARS = 6_000;

export type FieldSpec = {
  key: string;
  label: string;
  /** Every row needs a value; the import cannot start before a column is mapped to it. */
  required?: boolean;
  /** What a cell holds, shown next to the mapping. */
  hint: string;
  /** Header names (compared without case, spaces or punctuation) mapped to this field. */
  aliases: string[];
};

const contactFields: FieldSpec[] = [
  {
    key: "externalId",
    label: "External id",
    required: true,
    hint: "Your id for the contact; a row with a known id updates it",
    aliases: ["id", "customerid", "clientid", "userid", "learnerid", "studentid", "contactid"],
  },
  {
    key: "name",
    label: "Name",
    hint: "Full name",
    aliases: ["fullname", "customername", "contactname", "displayname"],
  },
  {
    key: "firstName",
    label: "First name",
    hint: "The name reminders greet",
    aliases: ["givenname", "greeting", "nickname"],
  },
  {
    key: "email",
    label: "Email",
    hint: "name@example.com",
    aliases: ["emailaddress", "mail"],
  },
  {
    key: "phone",
    label: "Phone",
    hint: "E.164 with country code, e.g. +14155550123 (spaces and dashes are removed)",
    aliases: ["phonenumber", "mobile", "mobilephone", "cell", "tel", "telephone", "sms"],
  },
  {
    key: "zaloUserId",
    label: "Zalo user id",
    hint: "The contact's user id at your Zalo Official Account",
    aliases: ["zalo", "zaloid"],
  },
  {
    key: "timeZone",
    label: "Time zone",
    hint: "IANA name, e.g. Asia/Ho_Chi_Minh",
    aliases: ["tz", "zone", "timezonename"],
  },
  {
    key: "locale",
    label: "Locale",
    hint: "Language tag, e.g. vi-VN",
    aliases: ["language", "lang"],
  },
  {
    key: "tags",
    label: "Tags",
    hint: "Separated by ; or , (quote the cell if it holds commas)",
    aliases: ["tag", "labels", "segments"],
  },
  { key: "program", label: "Program", hint: "e.g. ielts", aliases: ["course"] },
  { key: "lastSkill", label: "Last skill", hint: "e.g. listening", aliases: ["skill"] },
  {
    key: "lastActivityAt",
    label: "Last activity",
    hint: "ISO-8601 with zone, e.g. 2026-03-01T09:30:00+07:00",
    aliases: ["lastactivity", "lastactive", "lastseen", "lastvisit", "lastorder"],
  },
  {
    key: "lastActivityOverride",
    label: "Override last activity",
    hint: "true sets the last activity even when it is earlier than the stored one",
    aliases: ["override"],
  },
  {
    key: "channels",
    label: "Channels",
    hint: "e.g. email:subscribed; sms:unsubscribed (a channel alone means subscribed)",
    aliases: ["channelstates", "subscriptions"],
  },
];

const exerciseFields: FieldSpec[] = [
  {
    key: "externalId",
    label: "External id",
    required: true,
    hint: "Your id for the exercise; a row with a known id updates it",
    aliases: ["id", "exerciseid"],
  },
  { key: "title", label: "Title", required: true, hint: "As learners see it", aliases: ["name"] },
  { key: "program", label: "Program", required: true, hint: "e.g. ielts", aliases: ["course"] },
  { key: "skill", label: "Skill", required: true, hint: "e.g. listening", aliases: [] },
  {
    key: "publishedAt",
    label: "Published",
    required: true,
    hint: "ISO-8601 with zone, e.g. 2026-03-01T00:00:00Z",
    aliases: ["published", "publishdate", "publishedon", "releasedat", "date"],
  },
  {
    key: "url",
    label: "URL",
    hint: "Where the exercise opens, https://…",
    aliases: ["link", "href", "exerciseurl"],
  },
];

export const importFields: Record<ImportTarget, FieldSpec[]> = {
  contacts: contactFields,
  exercises: exerciseFields,
};

/** Each CSV column's field, by column position; null: the column is not imported. */
export type ColumnMapping = (string | null)[];

/** "Last Activity At", "last_activity_at" and "lastActivityAt" all read "lastactivityat". */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * The obvious mapping of these headers: a header naming a field (or one of its aliases) maps to
 * it; each field takes the first such column only, so a second "email" column stays unmapped.
 */
export function autoMap(target: ImportTarget, headers: string[]): ColumnMapping {
  const byName = new Map<string, string>();
  // Field names first, so "skill" is the exercise's skill even if an alias elsewhere says so too.
  for (const field of importFields[target]) byName.set(normalizeHeader(field.key), field.key);
  for (const field of importFields[target])
    for (const alias of field.aliases) if (!byName.has(alias)) byName.set(alias, field.key);
  const taken = new Set<string>();
  return headers.map((header) => {
    const field = byName.get(normalizeHeader(header));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** What stops an import from starting with this mapping, in words; empty when it can start. */
export function mappingProblems(target: ImportTarget, mapping: ColumnMapping): string[] {
  const fields = importFields[target];
  const problems: string[] = [];
  for (const field of fields) {
    const count = mapping.filter((m) => m === field.key).length;
    if (field.required && count === 0) problems.push(`Map a column to ${field.label}.`);
    if (count > 1) problems.push(`${field.label} is mapped to ${count} columns; keep one.`);
  }
  return problems;
}
