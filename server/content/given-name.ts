/** Languages whose names are written family name first ("Nguyễn Văn An", "Kim Min-jun"). */
const familyFirst = new Set(["zh", "ja", "ko", "hu"]);

/**
 * The name to greet a contact by in `{{first_name}}`. Vietnamese speakers are addressed by the
 * last word of their name (the given name: "Nguyễn Văn An" → "An"); other family-first languages
 * by what follows the family name; everyone else by the first word.
 */
export function givenName(name: string, locale: string | null): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words[0] ?? "";
  const language = locale?.toLowerCase().split("-")[0] ?? "";
  if (language === "vi") return words.at(-1)!;
  if (familyFirst.has(language)) return words.slice(1).join(" ");
  return words[0]!;
}
