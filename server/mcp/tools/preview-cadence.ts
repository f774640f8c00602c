import { z } from "zod";
import { wordReason } from "@/server/contacts/timeline-words";
import { addLocalDays, localDate, localMidnight } from "@/server/engine/time";
import { ianaTimeZone } from "@/server/lib/zod-extras";
import { getTenantSettings } from "@/server/settings/get";
import { previewCadences } from "@/server/settings/preview";
import { stageLabels } from "@/server/settings/stage-labels";
import { contactRef, resolveContact } from "../contact-ref";
import { defineTool, ToolRefusal } from "../tool";
import { channelName, instant, isoDate } from "../wire";

const input = z.object({
  ...contactRef,
  timeZone: ianaTimeZone
    .optional()
    .describe("Without a contact: the sample contact's zone (default: the workspace's)"),
  lastActivityOn: isoDate
    .optional()
    .describe("Without a contact: the sample contact's last active day (default: today)"),
  days: z.number().int().min(1).max(365).default(90).describe("How many days ahead, from today"),
});

const output = z.object({
  sample: z.object({ label: z.string(), zone: z.string() }),
  from: instant,
  until: instant,
  reminders: z.array(
    z.object({
      stage: z.string(),
      stageLabel: z.string(),
      sequence: z.number().int(),
      reachedAt: instant,
      dueAt: instant.describe("When it goes out: after quiet hours and the daily cap"),
      channels: z.array(
        z.object({ channel: channelName, status: z.string(), reason: z.string().nullable() }),
      ),
      why: z.array(z.string()).describe("Why it goes out later than reached, or not at all"),
    }),
  ),
});

const SAMPLE = "Sample contact";

/**
 * The Settings page's preview under the settings in force: the engine's planner run in virtual
 * time (nothing is written). Under `settings.read`, as on that page: the answer lays out the
 * cadence's rules (stages, channels, quiet hours, the cap, the audience), which analysts do not see.
 */
export const previewCadence = defineTool({
  name: "preview_cadence",
  title: "Preview the cadence",
  description:
    "What a contact would receive over the next N days (default 90, at most 365) under the " +
    "workspace's current settings, if it stayed inactive: each reminder's stage, when it is " +
    "reached and when it goes out, on which channels, and why later or not at all (quiet " +
    "hours, the daily cap, opt-outs). Give a contact by contactId or externalId, or describe a " +
    "sample contact by its zone and last active day. Nothing is sent or stored.",
  input,
  output,
  permission: "settings.read",
  scope: "mcp:read",
  async run({ db, tenant, now }, args) {
    const settings = await getTenantSettings(db, tenant);
    const named = args.contactId || args.externalId;
    const zone = args.timeZone ?? tenant.timeZone;
    const previews = await previewCadences(
      db,
      tenant,
      {
        contactIds: named ? [await resolveContact(db, tenant.id, args)] : [],
        typed: named
          ? []
          : [
              {
                label: SAMPLE,
                timeZone: zone,
                lastActivityOn: args.lastActivityOn ?? localDate(now, zone),
              },
            ],
        lateMilestones: "skip",
        // The settings in force on both sides: only `current` is read below.
        settings,
      },
      now,
    );
    const preview = previews?.[0];
    if (!preview) throw new ToolRefusal("No such contact in this workspace.");
    const until = localMidnight(
      addLocalDays(localDate(now, tenant.timeZone), args.days),
      tenant.timeZone,
    );
    const wording = { stageLabels: stageLabels(settings), zone: preview.zone };
    return {
      sample: { label: preview.label, zone: preview.zone },
      from: now,
      until,
      reminders: preview.current
        .filter((r) => r.reachedAt < until)
        .map((r) => ({
          ...r,
          stage: r.key,
          stageLabel: wording.stageLabels[r.key] ?? r.key,
          channels: r.channels.map((c) => ({
            ...c,
            reason: c.reason && wordReason(c.reason, wording),
          })),
          why: r.why.map((w) => wordReason(w, wording)),
        })),
    };
  },
});
