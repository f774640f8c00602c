import { describe, expect, it } from "vitest";
import { presetFor } from "@/db/presets";
import { sampleContact } from "@/server/settings/preview";
import type { TenantSettings } from "@/server/settings/schema";
import type { ReminderSummary } from "../ledger/cycle-history";
import { keptBySettings, lateMilestones, removedBySettings } from "./settings-change";

const study = presetFor("self_study"); // streak_lost 2, week 7, month 30, year 365 days; recurring 90
const withStages = (...stages: [string, number][]): TenantSettings => ({
  ...study,
  cadence: {
    ...study.cadence,
    stages: stages.map(([key, threshold]) => ({ key, label: key, threshold, unit: "day" })),
  },
});
// Last active 2026-01-01 10:00 in Ho Chi Minh City (UTC+7); stage N is reached at local midnight
// starting 2026-01-(1+N).
const learner = (settings: TenantSettings) =>
  sampleContact(
    {
      label: "Lan",
      timeZone: "Asia/Ho_Chi_Minh",
      lastActivityAt: new Date("2026-01-01T03:00:00Z"),
    },
    0,
    undefined,
    { id: "t", kind: "self_study" },
    settings,
  );
const handled = (...keys: string[]): ReminderSummary[] =>
  keys.map((key, i) => ({
    id: `r${i}`,
    key,
    sequence: 0,
    reachedAt: new Date("2026-01-02T17:00:00Z"),
    firstAttemptAt: new Date("2026-01-03T01:00:00Z"),
    live: 2,
    waiting: 0,
    void: false,
  }));

describe("lateMilestones (SPEC §1.9): what a change puts in the past of an open cycle", () => {
  // 2026-01-10 12:00 local: nine local days after the last activity.
  const at = new Date("2026-01-10T05:00:00Z");
  const cases: [string, TenantSettings, ReminderSummary[], string[]][] = [
    [
      "a new stage already reached",
      withStages(["streak_lost", 2], ["five", 5], ["week", 7]),
      handled("streak_lost", "week"),
      ["five"],
    ],
    [
      "a new stage still ahead",
      withStages(["streak_lost", 2], ["week", 7], ["fortnight", 14]),
      handled("streak_lost", "week"),
      [],
    ],
    [
      "a stage reached under the old settings too (backlog, not late)",
      withStages(["streak_lost", 2], ["week", 7]),
      handled("streak_lost"),
      [],
    ],
    [
      "a lowered stage under a new key",
      withStages(["streak_lost", 2], ["six_days", 6]),
      handled("streak_lost"),
      ["six_days"],
    ],
    [
      "two new stages, both reached",
      withStages(["three", 3], ["four", 4], ["week", 7]),
      handled("week"),
      ["three", "four"],
    ],
    ["a new stage reached at the next local midnight", withStages(["ten", 10]), [], []],
  ];
  it.each(cases)("%s", (_, settings, history, expected) => {
    const late = lateMilestones(learner(settings), study, history, at);
    expect(late.map((m) => m.key)).toEqual(expected);
  });

  it("counts a stage reached at the instant of the change as late", () => {
    // nine days: reached at 2026-01-10 00:00 local = 2026-01-09T17:00Z.
    const exactly = new Date("2026-01-09T17:00:00Z");
    expect(
      lateMilestones(learner(withStages(["nine", 9])), study, [], exactly).map((m) => m.key),
    ).toEqual(["nine"]);
  });
});

describe("removedBySettings: what a pending delivery may no longer be sent for", () => {
  const cases: [string, TenantSettings, string, "web_push" | "zalo", string | null][] = [
    ["a kept stage and channel", study, "week", "zalo", null],
    [
      "a removed channel",
      { ...study, channels: ["web_push"] },
      "week",
      "zalo",
      "the settings no longer use zalo",
    ],
    [
      "a removed stage",
      withStages(["streak_lost", 2]),
      "week",
      "web_push",
      "the settings no longer have the stage week",
    ],
    ["recurring, still on", study, "recurring", "web_push", null],
    [
      "recurring, turned off",
      { ...study, cadence: { ...study.cadence, recurringEveryDays: null } },
      "recurring",
      "web_push",
      "the settings no longer have a recurring reminder",
    ],
  ];
  it.each(cases)("%s", (_, settings, stage, channel, expected) => {
    expect(removedBySettings(settings, stage, channel)).toBe(expected);
    // The set-based cancel of a save keeps exactly what the per-delivery check keeps.
    const kept = keptBySettings(settings);
    expect(kept.channels.includes(channel) && kept.stages.includes(stage)).toBe(expected === null);
  });
});
