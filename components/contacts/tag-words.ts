const REACTIVATION = "reactivation:";

/**
 * A tag as people read it: a `reactivation:<stage>` tag (added when that stage's reminder is
 * sent) names the stage by its label, "Reminded: Streak lost"; other tags are the tenant's words.
 */
export function tagWords(tag: string, stageLabels: Record<string, string>): string {
  if (!tag.startsWith(REACTIVATION)) return tag;
  const key = tag.slice(REACTIVATION.length);
  return `Reminded: ${stageLabels[key] ?? key.replaceAll("_", " ")}`;
}
