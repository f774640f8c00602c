import { homeServicesPreset } from "@/db/presets";
import type { TenantSettings } from "@/server/settings/schema";
import { autoDetail } from "./auto-detail";
import { cleaning } from "./cleaning";
import { hvac } from "./hvac";
import type { NicheKey } from "./keys";
import { medSpa } from "./med-spa";
import type { NichePreset } from "./niche";
import { ownerOperator } from "./owner-operator";
import { pestControl } from "./pest-control";

/*
 * Pure: no database and nothing server-only, so the activation page (a client component) can
 * list the niches and show what each would set.
 */

/** Every niche's preset, by key, in the order the owner sees them. */
export const nichePresets: Record<NicheKey, NichePreset> = {
  owner_operator: ownerOperator,
  med_spa: medSpa,
  cleaning,
  hvac,
  pest_control: pestControl,
  auto_detail: autoDetail,
};

/**
 * The settings a niche produces over a workspace's own (the home-services preset when it has
 * none yet). The niche decides what depends on the kind of business: the stage ladder, the
 * recurring reminder, email + SMS, the offer and the fallback copy (through `niche`). Everything
 * that is the owner's (quiet hours, retries, holdout, windows, brand, links, name order) stays as
 * the workspace has it. The offer books through the workspace's booking link, or its website.
 */
export function nicheSettings(
  key: NicheKey,
  base: TenantSettings = homeServicesPreset,
): TenantSettings {
  const niche = nichePresets[key];
  return {
    ...structuredClone(base),
    cadence: structuredClone(niche.cadence),
    channels: ["email", "sms"],
    offer: {
      ...niche.offer,
      expiresAt: null,
      bookingUrl: base.offer?.bookingUrl ?? base.appUrl,
    },
    niche: key,
  };
}

/** A niche as the owner picks it: what it is, why its cadence and offer, and what it sets. */
export type NicheChoice = Pick<NichePreset, "key" | "label" | "description" | "reasoning"> & {
  settings: TenantSettings;
};

/** The niches with the settings each produces for a new home-services workspace. */
export const niches: NicheChoice[] = Object.values(nichePresets).map((n) => ({
  key: n.key,
  label: n.label,
  description: n.description,
  reasoning: n.reasoning,
  settings: nicheSettings(n.key),
}));

export { nicheKey, nicheKeys, type NicheKey } from "./keys";
