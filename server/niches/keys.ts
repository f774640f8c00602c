import { z } from "zod";

/**
 * The kinds of home-services business Rekindle has a preset for (the module card's "recommended
 * for"). A workspace's settings may name one: its cadence, offer and built-in fallback copy then
 * fit how often that kind of customer comes back and what it buys.
 */
export const nicheKeys = [
  "owner_operator",
  "med_spa",
  "cleaning",
  "hvac",
  "pest_control",
  "auto_detail",
] as const;

export const nicheKey = z.enum(nicheKeys, {
  error: `must be one of ${nicheKeys.join(", ")}`,
});

export type NicheKey = z.infer<typeof nicheKey>;
