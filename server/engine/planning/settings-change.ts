import type { Channel } from "@/db/schema/enums";
import type { Stage, TenantSettings } from "@/server/settings/schema";
import type { ContactContext } from "../contact-context";
import type { ReminderSummary } from "../ledger/cycle-history";
import { pendingStages, stageReachedAt, type Milestone } from "../stages";
import { describeLocal } from "../time";
import type { PlannedReminder } from "./reminder";

/** What an owner decides, on a save, for the milestones it puts in the past (SPEC §1.9). */
export type LateMilestones = "skip" | "send";

/**
 * SPEC §1.9: the milestones of a contact's open cycle that a change puts in the past: stages of
 * the new settings not handled yet and reached by `at`, which were not already reached by `at`
 * under the old settings (those were due anyway, and the engine plans them as before). `contact`
 * carries the new settings.
 */
export function lateMilestones(
  contact: ContactContext,
  before: TenantSettings,
  history: ReminderSummary[],
  at: Date,
): Milestone[] {
  // A stage with the same key and threshold is reached when it was: never late. Most saves
  // change no stage, and this runs for every contact of the workspace.
  const changed = changedStages(before, contact.settings);
  if (changed.length === 0) return [];
  const handled = new Set(history.map((r) => r.key));
  const last = contact.lastActivityAt!;
  const reached = pendingStages(changed, handled, last, contact.zone).filter(
    (m) => m.reachedAt <= at,
  );
  const dueBefore = (key: string) => {
    const old = before.cadence.stages.find((b) => b.key === key);
    return old !== undefined && stageReachedAt(last, old, contact.zone) <= at;
  };
  return reached.filter((m) => !dueBefore(m.key));
}

const sameStage = (a: Stage, b: Stage) =>
  a.key === b.key && a.threshold === b.threshold && a.unit === b.unit;

/** The stages of `after` that `before` lacks with the same key and threshold: only they can be late. */
export function changedStages(before: TenantSettings, after: TenantSettings): Stage[] {
  return after.cadence.stages.filter((s) => !before.cadence.stages.some((b) => sameStage(b, s)));
}

/**
 * A late milestone the owner chose not to send: recorded with every channel `skipped`, reason
 * `settings_changed`, so it is never sent later in the cycle.
 */
export function planSkippedLate(
  contact: ContactContext,
  milestone: Milestone,
  version: number,
  at: Date,
): PlannedReminder {
  const why =
    `Stage ${milestone.key} (reached ${describeLocal(milestone.reachedAt, contact.zone)}) was ` +
    `put in the past by the settings change of ${describeLocal(at, contact.zone)} (version ` +
    `${version}); the owner chose not to send late milestones.`;
  return {
    target: { key: milestone.key, sequence: 0, reachedAt: milestone.reachedAt },
    notes: contact.settings.channels.map((channel) => ({
      type: "skipped",
      channel,
      reason: `Not sent on ${channel}: ${why}`,
    })),
    deliveries: contact.settings.channels.map((channel) => ({
      channel,
      status: "skipped",
      reason: "settings_changed",
      dueAt: at,
      nextAttemptAt: null,
      finishedAt: at,
    })),
  };
}

/**
 * Why a delivery may no longer be sent under these settings: its channel or its stage was
 * removed (SPEC §1.9), or null. The same rule as the set-based cancel of a save
 * (`keptBySettings`), checked again right before each send.
 */
export function removedBySettings(
  settings: TenantSettings,
  stage: string,
  channel: Channel,
): string | null {
  if (!settings.channels.includes(channel)) return `the settings no longer use ${channel}`;
  if (stage === "recurring") {
    return settings.cadence.recurringEveryDays === null
      ? "the settings no longer have a recurring reminder"
      : null;
  }
  return settings.cadence.stages.some((s) => s.key === stage)
    ? null
    : `the settings no longer have the stage ${stage}`;
}

/** What the set-based cancel of a save matches: deliveries outside these are removed. */
export function keptBySettings(settings: TenantSettings) {
  return {
    channels: settings.channels,
    stages: [
      ...settings.cadence.stages.map((s) => s.key),
      ...(settings.cadence.recurringEveryDays === null ? [] : ["recurring"]),
    ],
  };
}
