import type { Channel } from "@/db/schema/enums";
import type { TenantSettings } from "@/server/settings/schema";
import type { ContactContext } from "../contact-context";
import type { ReminderSummary } from "../ledger/cycle-history";
import { localDate } from "../time";
import { planSend, planSuperseded, type PlannedReminder } from "./reminder";
import { lateMilestones, planSkippedLate, type LateMilestones } from "./settings-change";
import { chooseTargets, isPlannable, upcomingMilestone } from "./targets";

/** One reminder of a preview: when it is reached and due, and what each channel would do. */
export type PreviewReminder = {
  key: string;
  sequence: number;
  reachedAt: Date;
  dueAt: Date;
  channels: { channel: Channel; status: string; reason: string | null }[];
  /** Why it is due later than reached, or not sent: the planner's own reasons. */
  why: string[];
};

/** The most reminders a preview lists: a year of a daily recurring reminder is not a preview. */
const MAX_REMINDERS = 60;

/**
 * The reminders a contact would get from `from` until `until` if it stayed inactive and every
 * send went out when due (SPEC §3 Settings preview): the planner's own rules — stages, highest
 * stage only, recurring, quiet hours, the cap, audience — run in virtual time on the contact's
 * current cycle, without writing anything. With `change`, the settings are new and the late
 * milestones the owner chose to skip are skipped first, as a save would (SPEC §1.9).
 */
export function yearAhead(
  contact: ContactContext,
  history: ReminderSummary[],
  window: { from: Date; until: Date },
  change?: { before: TenantSettings; lateMilestones: LateMilestones; version: number },
): PreviewReminder[] {
  if (!isPlannable(contact)) return [];
  const out: PreviewReminder[] = [];
  let summaries = [...history];
  const busy = new Map<Channel, Set<string>>();
  const record = (planned: PlannedReminder) => {
    out.push(previewOf(planned));
    summaries = [...summaries, summaryOf(planned, out.length)];
    for (const d of planned.deliveries) {
      if (d.status !== "pending") continue;
      const days = busy.get(d.channel) ?? new Set<string>();
      busy.set(d.channel, days.add(localDate(d.dueAt, contact.zone)));
    }
  };
  if (change?.lateMilestones === "skip") {
    for (const m of lateMilestones(contact, change.before, summaries, window.from)) {
      record(planSkippedLate(contact, m, change.version, window.from));
    }
  }
  let now = window.from;
  while (out.length < MAX_REMINDERS) {
    const next = upcomingMilestone(contact, summaries);
    if (!next) break;
    now = next.reachedAt > now ? next.reachedAt : now;
    if (now >= window.until) break;
    const { send, superseded } = chooseTargets(contact, summaries, now);
    if (!send) break;
    for (const t of superseded) record(planSuperseded(contact, t, send.key, now));
    record(planSend(contact, send, (ch) => busy.get(ch) ?? new Set(), now));
  }
  return out;
}

function previewOf(planned: PlannedReminder): PreviewReminder {
  const dueAt = planned.deliveries[0]?.dueAt ?? planned.target.reachedAt;
  return {
    ...planned.target,
    dueAt,
    channels: planned.deliveries.map((d) => ({
      channel: d.channel,
      status: d.status === "pending" ? "sent" : d.status,
      reason: d.reason,
    })),
    why: planned.notes.filter((n) => n.type !== "stage_reached").map((n) => n.reason),
  };
}

/** The reminder as the cycle's history will count it, its sends made when due. */
function summaryOf(planned: PlannedReminder, n: number): ReminderSummary {
  const live = planned.deliveries.filter((d) => d.status === "pending");
  return {
    id: `preview-${n}`,
    ...planned.target,
    firstAttemptAt: live[0]?.dueAt ?? null,
    live: live.length,
    waiting: 0,
    void: live.length === 0,
  };
}
