import { listContacts, listContactsInput, listContactTags } from "@/server/contacts/list";
import { permissionProcedure, router } from "../trpc";

const readContacts = permissionProcedure("contacts.read");

export const contactsRouter = router({
  list: readContacts
    .input(listContactsInput)
    .query(({ ctx, input }) => listContacts(ctx.db, ctx.tenant, input, new Date())),
  tags: readContacts.query(({ ctx }) => listContactTags(ctx.db, ctx.tenant.id)),
});
