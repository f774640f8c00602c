/*
 * The contact's page speaks the workspace's words: each decision by what it is ("Moved out of
 * quiet hours", not `deferred_quiet_hours`), stages by their labels, channels by their names, and
 * instants in the contact's zone. The ledger keeps the keys; this rewords what it stored.
 */

const eventTitles: Record<string, string> = {
  cycle_started: "Inactivity cycle started",
  cycle_closed: "Inactivity cycle closed",
  stage_reached: "Stage reached",
  superseded: "Superseded by a higher stage",
  deferred_quiet_hours: "Moved out of quiet hours",
  capped: "Moved by the daily cap",
  skipped: "Not sent",
  held_out: "Held out (holdout group)",
  attempt_started: "Sending",
  content_chosen: "Message chosen",
  channel_changed: "Channel changed",
  provider_status: "Provider report",
  guard_failed: "Stopped by a compliance check",
  attempt_failed: "Attempt failed",
  retry_scheduled: "Retry planned",
  sent: "Sent",
  failed: "Failed",
  canceled_return: "Canceled: returned through a reminder",
  canceled_reset: "Canceled: active again",
  canceled_settings: "Canceled by a settings change",
  canceled_excluded: "Canceled: no longer allowed",
  clicked: "Link opened",
  link_scanned: "Link checked by a scanner (not a click)",
  reactivated: "Reactivated",
  last_activity_overridden: "Last activity corrected",
  engine_error: "Engine error",
  engine_recovered: "Engine recovered",
  tag_added: "Tag added",
  tag_removed: "Tag removed",
};

/** An event type in words; one this list does not know yet reads as its words. */
export function eventTitle(type: string): string {
  const words = eventTitles[type] ?? type.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const channelNames: Record<string, string> = {
  email: "email",
  sms: "SMS",
  web_push: "web push",
  zalo: "Zalo",
};

/** Why a channel was not used, as the ledger's reasons name it. */
const blockWords: Record<string, string> = {
  do_not_contact: "the contact is tagged do-not-contact",
  opted_out: "the contact unsubscribed from it",
  unreachable: "the contact cannot be reached on it",
  settings_changed: "a settings change",
  activity: "the contact was active again",
  clicked: "the contact returned through a reminder",
  plan_failed: "planning failed",
  send_failed: "sending failed",
  step_succeeded: "a step succeeded again",
};

export type Wording = {
  /** Stage key → the workspace's label ("recurring" included when the cadence has it). */
  stageLabels: Record<string, string>;
  /** The contact's zone: instants the ledger wrote in UTC are shown in it. */
  zone: string;
};

const ISO_INSTANT =
  /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A reason the ledger stored, reworded: stage labels, channel names, local times. */
export function wordReason(text: string, { stageLabels, zone }: Wording): string {
  const label = (key: string) => stageLabels[key] ?? key.replaceAll("_", " ");
  const local = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: zone,
  });
  return (
    text
      // "Stage streak_lost reached", "Stage week (reached …"
      .replace(/\bStage ([a-z0-9_]+) (?=reached|\(reached)/g, (_, key: string) => `${label(key)} `)
      // "…: month was reached too", "…: year was reached first"
      .replace(
        /: ([a-z0-9_]+) was reached (too|first)/g,
        (_, key: string, when: string) => `: ${label(key)} was reached ${when}`,
      )
      .replace(/\bsuperseded by ([a-z0-9_]+)/g, (_, key: string) => `superseded by ${label(key)}`)
      .replace(/\bguard:([a-z0-9_]+)/g, (_, guard: string) => `compliance check ${guard}`)
      .replace(
        /\b(do_not_contact|opted_out|settings_changed|plan_failed|send_failed|step_succeeded)\b/g,
        (key: string) => blockWords[key]!,
      )
      .replace(/^(unreachable|activity|clicked)$/, (key: string) => blockWords[key]!)
      .replace(/\b(web_push|sms|zalo)\b/g, (key: string) => channelNames[key]!)
      .replace(ISO_INSTANT, (iso) => `${local.format(new Date(iso))} (${zone})`)
  );
}
