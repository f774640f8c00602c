import type { TenantKind } from "@/db/schema/enums";
import type { TenantSettings } from "@/server/settings/schema";

const common = {
  quietHours: { start: "22:00", end: "07:00", resumeAt: "08:00" },
  retryOffsetsMinutes: [5, 30, 120],
  excludeDoNotContact: true,
  holdoutPercent: 0,
  attributionWindowDays: 30,
  freshWindowDays: 30,
  allowSelfApproval: false,
  // The app's own colour (as `DEFAULT_BRAND` in the settings schema) and no logo.
  brand: { color: "#c2410c", logoUrl: null },
} satisfies Partial<TenantSettings>;

/** DEC-0009: four one-time stages, then a reminder every 90 days, on web push and Zalo. */
export const selfStudyPreset: TenantSettings = {
  ...common,
  cadence: {
    stages: [
      { key: "streak_lost", label: "Streak lost", threshold: 2, unit: "day" },
      { key: "week", label: "1 week inactive", threshold: 7, unit: "day" },
      { key: "month", label: "1 month inactive", threshold: 30, unit: "day" },
      { key: "year", label: "1 year dormant", threshold: 365, unit: "day" },
    ],
    recurringEveryDays: 90,
  },
  channels: ["web_push", "zalo"],
  // A Vietnamese app: learners write the family name first, whatever their browser's locale.
  nameOrder: "family_first",
  offer: null,
  appUrl: "https://app.example.com/practice",
};

/** The module card: 6/9/12-month cohorts on email and SMS with an offer and booking link. */
export const homeServicesPreset: TenantSettings = {
  ...common,
  cadence: {
    stages: [
      { key: "six_months", label: "6 months since last job", threshold: 6, unit: "month" },
      { key: "nine_months", label: "9 months since last job", threshold: 9, unit: "month" },
      { key: "twelve_months", label: "12 months since last job", threshold: 12, unit: "month" },
    ],
    recurringEveryDays: null,
  },
  channels: ["email", "sms"],
  nameOrder: "given_first",
  offer: null,
  appUrl: "https://www.example.com",
};

/** A fresh copy of the kind's preset: callers may change it without touching the constant. */
export function presetFor(kind: TenantKind): TenantSettings {
  return structuredClone(kind === "self_study" ? selfStudyPreset : homeServicesPreset);
}
