import { nichePresets } from "@/server/niches/presets";
import type { TenantSettings } from "./schema";

/** A workspace's sender identity, stored on the tenant beside its settings. */
export type Sender = { name: string; email: string; postalAddress: string };

const channelWords: Record<string, string> = {
  email: "email",
  sms: "SMS",
  web_push: "web push",
  zalo: "Zalo",
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

function minutes(n: number): string {
  if (n % 1440 === 0) return plural(n / 1440, "day");
  if (n % 60 === 0) return `${n / 60} h`;
  return `${n} min`;
}

/**
 * Each setting as an owner reads it, by its name on the Settings page: the audit log's diff
 * compares these, so it says "Stages: 6, 9, 12 months → 3, 6, 9, 12 months", never JSON.
 */
export function describeSettings(s: TenantSettings, sender?: Sender): Record<string, string> {
  const words: Record<string, string> = {
    Stages: s.cadence.stages
      .map((st) => `${st.label} (${plural(st.threshold, st.unit)})`)
      .join(", "),
    "Recurring reminder": s.cadence.recurringEveryDays
      ? `every ${plural(s.cadence.recurringEveryDays, "day")}`
      : "off",
    Channels: s.channels.map((c) => channelWords[c] ?? c).join(", "),
    "Quiet hours": `${s.quietHours.start}–${s.quietHours.end}, resume at ${s.quietHours.resumeAt}`,
    Retries: s.retryOffsetsMinutes.length
      ? `after ${s.retryOffsetsMinutes.map(minutes).join(", ")}`
      : "none",
    "Exclude do-not-contact": s.excludeDoNotContact ? "yes" : "no",
    Holdout: `${s.holdoutPercent}%`,
    "Attribution window": plural(s.attributionWindowDays, "day"),
    "Fresh window": plural(s.freshWindowDays, "day"),
    Offer: s.offer
      ? `${s.offer.title}, code ${s.offer.code}, ${s.offer.expiresAt ? `expires ${s.offer.expiresAt}` : "no expiry"}, booking ${s.offer.bookingUrl}`
      : "none",
    "App link": s.appUrl,
    "Self-approval": s.allowSelfApproval ? "allowed" : "not allowed",
    "Name order": s.nameOrder === "family_first" ? "family name first" : "given name first",
    "Email brand": `button ${s.brand.color}, ${s.brand.logoUrl ? `logo ${s.brand.logoUrl}` : "no logo"}`,
    // The preset applied, whose copy the built-in fallback messages use.
    Niche: s.niche ? nichePresets[s.niche].label : "none",
  };
  if (sender) {
    words["Sender name"] = sender.name;
    words["Sender email"] = sender.email;
    words["Postal address"] = sender.postalAddress;
  }
  return words;
}

export type SettingChange = { setting: string; before: string; after: string };

/** What a save changed, setting by setting, in words. */
export function settingsDiff(
  before: Record<string, string>,
  after: Record<string, string>,
): SettingChange[] {
  return Object.keys(after)
    .filter((setting) => before[setting] !== after[setting])
    .map((setting) => ({ setting, before: before[setting] ?? "—", after: after[setting]! }));
}
