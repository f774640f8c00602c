import type { NameOrder } from "@/server/settings/schema";

/** Languages whose names are written family name first ("Kim Min-jun", "Tanaka Hanako"). */
const familyFirst = new Set(["zh", "ja", "ko", "hu"]);

/** What `{{first_name}}` knows of a contact. */
export type Named = { name: string; firstName?: string | null; locale: string | null };

/**
 * The name to greet a contact by in `{{first_name}}`: the first name the tenant gave, as given;
 * otherwise guessed from the full name. A Vietnamese locale means the given name is the last word
 * ("Nguyễn Văn An" → "An"); another family-first language's, what follows the family name. Any
 * other locale says little (a Vietnamese app's learner may well browse in en-US), so the tenant's
 * usual name order decides: family first → the last word, given first → the first word.
 */
export function givenName(contact: Named, order: NameOrder): string {
  const given = contact.firstName?.trim();
  if (given) return given;
  const words = contact.name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words[0] ?? "";
  const language = contact.locale?.toLowerCase().split("-")[0] ?? "";
  if (language === "vi") return words.at(-1)!;
  if (familyFirst.has(language)) return words.slice(1).join(" ");
  return order === "family_first" ? words.at(-1)! : words[0]!;
}
