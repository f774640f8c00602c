import { z } from "zod";
import { wordedTimeline } from "@/server/contacts/worded-timeline";
import { contactRef, resolveContact } from "../contact-ref";
import { defineTool, ToolRefusal } from "../tool";
import { channelName, instant } from "../wire";

const input = z
  .object({
    ...contactRef,
    limit: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(100)
      .describe("At most this many of the newest decisions and of the newest deliveries"),
  })
  .refine((i) => i.contactId || i.externalId, {
    message: "Name the contact by its contactId or its externalId.",
  });

const output = z.object({
  contact: z.object({
    id: z.uuid(),
    name: z.string(),
    externalId: z.string(),
    zone: z.string().describe("The contact's zone; reasons give local times in it"),
    lastActivityAt: instant.nullable(),
    heldOut: z.boolean().describe("The open cycle is in the holdout group: planned, never sent"),
  }),
  doNotContact: z.boolean(),
  attention: z
    .object({
      failures: z.number().int(),
      error: z.string(),
      since: instant.nullable(),
      retryAt: instant,
    })
    .nullable()
    .describe("Why the engine set the contact aside and when it tries again; null when it works"),
  events: z
    .array(
      z.object({
        at: instant,
        type: z.string(),
        title: z.string(),
        reason: z.string().describe("Why, in the workspace's words and the contact's local time"),
        deliveryId: z.uuid().nullable(),
        detail: z.string().nullable(),
      }),
    )
    .describe("The engine's decisions, oldest first"),
  eventsOmitted: z.number().int().describe("Older decisions left out by `limit`"),
  deliveries: z.array(
    z.object({
      id: z.uuid(),
      stage: z.string(),
      stageLabel: z.string(),
      sequence: z.number().int(),
      channel: channelName,
      status: z.string(),
      reason: z.string().nullable(),
      dueAt: instant,
      firstAttemptAt: instant.nullable(),
      finishedAt: instant.nullable(),
      attemptCount: z.number().int(),
      variant: z.string(),
    }),
  ),
  deliveriesOmitted: z.number().int(),
  next: z
    .array(z.object({ at: instant, what: z.string() }))
    .describe("What happens next, soonest first"),
});

/** The contact page's timeline: the same worded decisions, without any message's content. */
export const explainContact = defineTool({
  name: "explain_contact",
  title: "Explain a contact",
  description:
    "Why each reminder was or was not sent to one contact, and what happens next: the engine's " +
    "decisions with their reasons (quiet hours, the daily cap, a higher stage superseding a " +
    "lower one, opt-outs, the holdout, retries), the deliveries per stage and channel with their " +
    "status, and the next planned steps. Name the contact by contactId or externalId.",
  input,
  output,
  permission: "contacts.read",
  scope: "mcp:read",
  async run({ db, tenant }, args) {
    const contactId = await resolveContact(db, tenant.id, args);
    const timeline = await wordedTimeline(db, tenant, contactId);
    if (!timeline) throw new ToolRefusal("No such contact in this workspace.");
    const newest = <T>(rows: T[]) => rows.slice(Math.max(0, rows.length - args.limit));
    return {
      ...timeline,
      events: newest(timeline.events),
      eventsOmitted: Math.max(0, timeline.events.length - args.limit),
      deliveries: newest(timeline.deliveries),
      deliveriesOmitted: Math.max(0, timeline.deliveries.length - args.limit),
    };
  },
});
