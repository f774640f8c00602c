import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { channel } from "@/db/schema/enums";
import { sessionActor } from "@/server/audit/actor";
import { can } from "@/server/auth/permissions";
import { turnChannelOff } from "@/server/contacts/channel-off";
import { setDoNotContact } from "@/server/contacts/do-not-contact";
import { listContacts, listContactsInput, listContactTags } from "@/server/contacts/list";
import { contactMessages } from "@/server/contacts/messages";
import { contactsNeedingAttention } from "@/server/contacts/needing-attention";
import { contactProfile } from "@/server/contacts/profile";
import { wordedTimeline } from "@/server/contacts/worded-timeline";
import { getTenantSettings } from "@/server/settings/get";
import { stageLabels } from "@/server/settings/stage-labels";
import { permissionProcedure, router } from "../trpc";

const readContacts = permissionProcedure("contacts.read");
/** The owner's actions on a contact: each one logged on its timeline and in the audit log. */
const writeContacts = permissionProcedure("contacts.write");

const oneContact = z.object({ contactId: z.uuid() });

function notFound(): never {
  throw new TRPCError({ code: "NOT_FOUND", message: "No such contact in this workspace." });
}

export const contactsRouter = router({
  list: readContacts
    .input(listContactsInput)
    .query(({ ctx, input }) => listContacts(ctx.db, ctx.tenant, input, new Date())),
  tags: readContacts.query(({ ctx }) => listContactTags(ctx.db, ctx.tenant.id)),
  /** The workspace's stages (for "stage reached") and channels (for "channel state"). */
  filterOptions: readContacts.query(async ({ ctx }) => {
    const settings = await getTenantSettings(ctx.db, ctx.tenant);
    const labels = stageLabels(settings);
    return {
      stages: Object.entries(labels).map(([key, label]) => ({ key, label })),
      channels: settings.channels,
    };
  }),
  /** Contacts the engine failed on and set aside, for someone to repair. */
  attention: readContacts.query(({ ctx }) => contactsNeedingAttention(ctx.db, ctx.tenant.id)),
  /** Every decision about the contact with its reason, and what happens next. */
  timeline: readContacts.input(oneContact).query(async ({ ctx, input }) => {
    return (await wordedTimeline(ctx.db, ctx.tenant, input.contactId)) ?? notFound();
  }),
  /**
   * The contact's channels with masked addresses, tags, locale, and the reminders sent to it;
   * what each message said, and its Outbox entry, only for roles that may read the Outbox.
   */
  profile: readContacts.input(oneContact).query(async ({ ctx, input }) => {
    const settings = await getTenantSettings(ctx.db, ctx.tenant);
    const profile = await contactProfile(ctx.db, ctx.tenant.id, input.contactId, settings.channels);
    if (!profile) notFound();
    const withContent = can(ctx.tenant.roles, "outbox.read");
    const labels = stageLabels(settings);
    const messages = await contactMessages(ctx.db, ctx.tenant.id, input.contactId, withContent);
    return {
      ...profile,
      messages: messages.map((m) => ({ ...m, stageLabel: labels[m.stage] ?? m.stage })),
      messagesReadable: withContent,
    };
  }),
  /** Tags the contact `do-not-contact` (on) or removes the tag; the engine plans it again. */
  setDoNotContact: writeContacts
    .input(oneContact.extend({ on: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const result = await setDoNotContact(ctx.db, {
        tenantId: ctx.tenant.id,
        contactId: input.contactId,
        on: input.on,
        actor: sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
        now: new Date(),
      });
      return result ?? notFound();
    }),
  /** Turns one of the contact's channels off (unsubscribed); only the contact opts in again. */
  turnChannelOff: writeContacts
    .input(oneContact.extend({ channel: z.enum(channel.enumValues) }))
    .mutation(async ({ ctx, input }) => {
      const result = await turnChannelOff(ctx.db, {
        tenantId: ctx.tenant.id,
        contactId: input.contactId,
        channel: input.channel,
        actor: sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
        now: new Date(),
      });
      return result ?? notFound();
    }),
});
