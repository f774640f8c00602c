import { distance } from "fastest-levenshtein";
import type { Channel, TenantKind } from "@/db/schema/enums";
import { textFields, type VariantContent } from "./variant-content";

/** Every placeholder a variant may use, with what it becomes (SPEC §1.6). */
export const placeholders = {
  first_name: "The contact's first name (empty when unknown)",
  business_name: "The sender's name",
  cta_link: "Tracked link to the call to action (the booking link, or the app)",
  booking_link: "Tracked booking link (home services)",
  offer: "The offer in one sentence: title, code and expiry (home services)",
  offer_title: "The offer's title",
  offer_code: "The offer's code",
  offer_expiry: "The offer's expiry date",
  last_service:
    "The service of the contact's last job, e.g. Deep clean (“your last visit” when unknown)",
  last_service_date:
    "The date of that job, in the contact's language and zone (the last visit's date when the service is unknown)",
  months_since:
    "Calendar months since the last activity, with the unit: “7 months” (“a while” when unknown)",
  recap: "A short recap: last exercise and streak length (streak lost only)",
  exercises: "Recommended exercises with tracked links (not in the year reminder)",
  preferences_link: "Link to the contact's preference center",
  unsubscribe_link: "One-click email unsubscribe link",
} as const;

export type Placeholder = keyof typeof placeholders;

/**
 * Placeholders that mean something in one kind of workspace only: a learning app has exercises
 * and a recap, home services an offer and a booking link. Elsewhere they are filled in blank, so
 * the editor does not offer them there.
 */
const onlyFor: Partial<Record<Placeholder, TenantKind>> = {
  recap: "self_study",
  exercises: "self_study",
  booking_link: "home_services",
  offer: "home_services",
  offer_title: "home_services",
  offer_code: "home_services",
  offer_expiry: "home_services",
  // A job's service comes from the activity API's job records; a learning app has none.
  last_service: "home_services",
  last_service_date: "home_services",
};

/**
 * Placeholders each channel's message must contain (in its main text field): its call to action
 * and a way out (SPEC §1.10): email the unsubscribe link, web push and Zalo the preference center
 * (SMS has its STOP line).
 */
const required: Record<Channel, Placeholder[]> = {
  email: ["cta_link", "unsubscribe_link"],
  sms: ["cta_link"],
  web_push: ["preferences_link"],
  zalo: ["cta_link", "preferences_link"],
};

export type PlaceholderUse = { name: string; field: string; line: number; column: number };
export type ContentError = { field: string; message: string };

const pattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every `{{name}}` in a text with its line and column (1-based), for error messages. */
export function findPlaceholders(field: string, text: string): PlaceholderUse[] {
  return [...text.matchAll(pattern)].map((m) => {
    const before = text.slice(0, m.index);
    const line = before.split("\n").length;
    return { name: m[1]!, field, line, column: m.index - before.lastIndexOf("\n") };
  });
}

export const isPlaceholder = (name: string): name is Placeholder => name in placeholders;

/**
 * SPEC §1.6 on save: unknown placeholders, ones the stage may not use, and missing required ones
 * are errors naming the placeholder and where it is.
 */
export function checkPlaceholders(content: VariantContent, stage: string): ContentError[] {
  const uses = textFields(content).flatMap(({ field, value }) => findPlaceholders(field, value));
  const errors = uses.flatMap(({ name, field, line, column }): ContentError[] => {
    const where = `at line ${line}, column ${column}`;
    if (!isPlaceholder(name))
      return [{ field, message: `Unknown placeholder {{${name}}} ${where}.${suggest(name)}` }];
    const refused = refusal(name, stage, content.channel);
    return refused ? [{ field, message: `{{${name}}} ${where}${refused}` }] : [];
  });
  const main = mainField(content);
  for (const name of required[content.channel]) {
    if (!uses.some((u) => u.name === name && u.field === main))
      errors.push({
        field: main,
        message: `The ${channelName[content.channel]} must contain {{${name}}}.`,
      });
  }
  return errors;
}

/** Why a stage × channel may not use a placeholder (the end of the error message), or null. */
function refusal(name: Placeholder, stage: string, channel: Channel): string | null {
  if (name === "recap" && stage !== "streak_lost") return " is only for the streak-lost reminder.";
  if (name === "exercises" && stage === "year") return ": the year reminder stays simple.";
  if (name === "unsubscribe_link" && channel !== "email") return " is for email only.";
  return null;
}

/**
 * The placeholders the editor offers for a stage × channel of a kind of workspace: those saving
 * accepts there (see `checkPlaceholders`) that mean something for that kind.
 */
export function placeholdersFor(kind: TenantKind, stage: string, channel: Channel): Placeholder[] {
  return (Object.keys(placeholders) as Placeholder[]).filter(
    (name) => (onlyFor[name] ?? kind) === kind && !refusal(name, stage, channel),
  );
}

const channelName: Record<Channel, string> = {
  email: "email's HTML body",
  sms: "SMS text",
  web_push: "push message",
  zalo: "Zalo message",
};

function mainField(content: VariantContent): string {
  return content.channel === "email" ? "html" : content.channel === "web_push" ? "body" : "text";
}

/** "Did you mean …?" for a near miss, so `{{frist_name}}` points at `{{first_name}}`. */
function suggest(name: string): string {
  const near = Object.keys(placeholders).find((p) => distance(p, name.toLowerCase()) <= 2);
  return near ? ` Did you mean {{${near}}}?` : "";
}

/** Replaces each placeholder with its value, already in the text's format (HTML or plain). */
export function fill(text: string, values: Partial<Record<Placeholder, string>>): string {
  // split() with a capture group alternates literal text and placeholder names. Stray braces in
  // the literal text go, so a blanked placeholder can never join its neighbours into a new one.
  return text
    .split(pattern)
    .map((part, i) =>
      i % 2 === 1
        ? isPlaceholder(part)
          ? (values[part] ?? "")
          : ""
        : part.replaceAll("{{", "").replaceAll("}}", ""),
    )
    .join("");
}
