import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { listContacts, listContactsInput, listContactTags } from "@/server/contacts/list";
import { contactsNeedingAttention } from "@/server/contacts/needing-attention";
import { contactTimeline } from "@/server/engine/explain/timeline";
import { permissionProcedure, router } from "../trpc";

const readContacts = permissionProcedure("contacts.read");

export const contactsRouter = router({
  list: readContacts
    .input(listContactsInput)
    .query(({ ctx, input }) => listContacts(ctx.db, ctx.tenant, input, new Date())),
  tags: readContacts.query(({ ctx }) => listContactTags(ctx.db, ctx.tenant.id)),
  /** Contacts the engine failed on and set aside, for someone to repair. */
  attention: readContacts.query(({ ctx }) => contactsNeedingAttention(ctx.db, ctx.tenant.id)),
  /** Every decision about the contact with its reason, and what happens next. */
  timeline: readContacts.input(z.object({ contactId: z.uuid() })).query(async ({ ctx, input }) => {
    const timeline = await contactTimeline(ctx.db, ctx.tenant.id, input.contactId);
    if (!timeline)
      throw new TRPCError({ code: "NOT_FOUND", message: "No such contact in this workspace." });
    return timeline;
  }),
});
