import { z, type ZodError } from "zod";

type Issue = ZodError["issues"][number];

/** Field names people would not guess from the key; the rest are split at capitals. */
const fieldLabels: Record<string, string> = {
  ctaKind: "CTA kind",
  html: "HTML body",
  text: "Text",
  exerciseIds: "Exercises",
  contactId: "Contact",
  templateId: "Variant",
  revisionId: "Revision",
  bookingUrl: "Booking link",
  appUrl: "App link",
  recurringEveryDays: "Recurring interval (days)",
  retryOffsetsMinutes: "Retries",
  attributionWindowDays: "Attribution window (days)",
  freshWindowDays: "Fresh window (days)",
  holdoutPercent: "Holdout (%)",
};

/** "pageSize" → "Page size": the last named key of the path; array indexes are skipped. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((p): p is string => typeof p === "string");
  if (!key) return "The input";
  const label = fieldLabels[key] ?? key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const english = z.locales.en().localeError;

/**
 * Zod's own wording ("Too big: expected string to have <=80 characters") as opposed to a message
 * a schema chose. `invalid_type`'s wording names the received value, which the issue no longer
 * carries, so it is recognised by its start.
 */
function isZodDefault(issue: Issue): boolean {
  if (issue.code === "invalid_type") return issue.message.startsWith("Invalid input: expected");
  const wording = english(issue as Parameters<typeof english>[0]);
  return (typeof wording === "string" ? wording : wording?.message) === issue.message;
}

const units: Record<string, [one: string, many: string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
};

function count(n: number | bigint, origin: string): string {
  const unit = units[origin];
  return unit ? `${n.toLocaleString("en")} ${n === 1 || n === 1n ? unit[0] : unit[1]}` : `${n}`;
}

const formats: Record<string, string> = {
  email: "an email address",
  url: "a web address",
  uuid: "a valid id",
  guid: "a valid id",
  datetime: "a date and time with its zone, e.g. 2025-08-14T09:30:00Z",
  date: "a date, e.g. 2025-08-14",
};

const types: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  date: "a date",
};

/** What is wrong with the value, as the end of a sentence that starts with the field's name. */
function predicate(issue: Issue): string {
  switch (issue.code) {
    case "too_big": {
      const max = issue.maximum;
      if (issue.origin === "date")
        return `must not be after ${new Date(Number(max)).toISOString()}`;
      const bound = issue.exact ? "exactly" : issue.inclusive === false ? "less than" : "at most";
      return `must be ${bound} ${count(max, issue.origin)}`;
    }
    case "too_small": {
      const min = issue.minimum;
      if (issue.origin === "date")
        return `must not be before ${new Date(Number(min)).toISOString()}`;
      if (issue.origin === "string" && Number(min) === 1 && issue.inclusive !== false)
        return "is required";
      if (issue.origin === "array" && Number(min) === 1 && issue.inclusive !== false)
        return "needs at least one item";
      const bound = issue.exact ? "exactly" : issue.inclusive === false ? "more than" : "at least";
      return `must be ${bound} ${count(min, issue.origin)}`;
    }
    case "invalid_type":
      if (issue.message.endsWith("received undefined")) return "is required";
      return `must be ${types[issue.expected] ?? `a ${issue.expected}`}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return `must be ${formats[issue.format] ?? `a valid ${issue.format}`}`;
    case "invalid_union":
      return "is not valid";
    case "unrecognized_keys":
      return `has unknown fields: ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return "is not valid";
  }
}

/**
 * One issue as a sentence a person can act on: "Name must be at most 80 characters". A schema's
 * own message is kept: a predicate ("must be lower_snake_case") gets the field's name in front,
 * a sentence ("Give the key a name") stays as written.
 */
export function humanIssue(issue: Issue): string {
  const own = !isZodDefault(issue);
  if (own && /^[A-Z]/.test(issue.message)) return issue.message;
  return `${fieldLabel(issue.path)} ${own ? issue.message : predicate(issue)}`;
}

/** Every issue as a sentence, and the sentences by field path (`content.title`) for forms. */
export function humanIssues(error: ZodError): {
  message: string;
  fieldErrors: Record<string, string[]>;
} {
  const fieldErrors: Record<string, string[]> = {};
  const sentences = error.issues.map((issue) => {
    const sentence = humanIssue(issue);
    const key = issue.path.map(String).join(".");
    (fieldErrors[key || "input"] ??= []).push(sentence);
    return sentence;
  });
  return { message: [...new Set(sentences)].join("; "), fieldErrors };
}
