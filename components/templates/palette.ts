import type { Channel } from "@/db/schema/enums";
import { placeholders, type Placeholder } from "@/server/content/placeholders";
import type { PaletteEntry } from "./types";

/**
 * The placeholders a variant of this stage × channel may use, for the editor's palette. Mirrors
 * the save-time rules of `checkPlaceholders` (SPEC §1.6): `{{recap}}` is for the streak-lost
 * reminder only, the year reminder has no `{{exercises}}`, `{{unsubscribe_link}}` is email only.
 */
export function paletteFor(stage: string, channel: Channel): PaletteEntry[] {
  const allowed = (name: Placeholder) =>
    (name !== "recap" || stage === "streak_lost") &&
    (name !== "exercises" || stage !== "year") &&
    (name !== "unsubscribe_link" || channel === "email");
  return (Object.keys(placeholders) as Placeholder[])
    .filter(allowed)
    .map((name) => ({ name, description: placeholders[name] }));
}
