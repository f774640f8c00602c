import { z } from "zod";
import { channelStatesSchema } from "@/server/contacts/channel-states";
import { listContacts, listContactsInput } from "@/server/contacts/list";
import { maskEmail, maskPhone } from "@/server/contacts/mask";
import { defineTool } from "../tool";
import { instant } from "../wire";

const filters = listContactsInput.shape;

/** The contacts list's own filters, described for the model; pages are smaller than the UI's. */
const input = z.object({
  search: filters.search.describe("Part of a name or email, or an exact external id"),
  tag: filters.tag.describe("Only contacts with this tag, e.g. do-not-contact"),
  withoutTag: filters.withoutTag.describe("Only contacts without this tag"),
  reached: filters.reached.describe(
    "Only contacts that reached this stage (a stage key, or `recurring`) in any cycle",
  ),
  channelState: filters.channelState.describe("Only contacts in this state on this channel"),
  inactiveMoreThanDays: filters.inactiveMoreThanDays.describe(
    "Only contacts last active more than this many local days ago",
  ),
  needsAttention: filters.needsAttention.describe(
    "Only contacts the engine failed on and set aside",
  ),
  page: filters.page,
  pageSize: z.number().int().min(5).max(50).default(20),
});

const output = z.object({
  rows: z.array(
    z.object({
      id: z.uuid(),
      externalId: z.string(),
      name: z.string(),
      email: z.string().nullable().describe("Masked: enough to recognise, not to copy"),
      phone: z.string().nullable().describe("Masked: the country code and last four digits"),
      timeZone: z.string().nullable().describe("Null: the workspace's zone"),
      tags: z.array(z.string()),
      channels: channelStatesSchema,
      lastActivityAt: instant.nullable(),
      inactiveDays: z.number().int().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The Contacts page's list with its filters, through the same function. */
export const searchContacts = defineTool({
  name: "search_contacts",
  title: "Search contacts",
  description:
    "Find contacts by name, email or external id, and filter them by tag, stage reached, " +
    "channel state, days inactive or engine trouble. Paged (at most 50 a page), sorted by name. " +
    "Addresses are masked; use explain_contact with a contact's id for its reminders.",
  input,
  output,
  permission: "contacts.read",
  scope: "mcp:read",
  async run({ db, tenant, now }, args) {
    const page = await listContacts(db, tenant, args, now);
    // Addresses go into a model's context and its provider's logs: masked as on the contact's page.
    return {
      ...page,
      rows: page.rows.map((r) => ({
        ...r,
        email: r.email === null ? null : maskEmail(r.email),
        phone: r.phone === null ? null : maskPhone(r.phone),
      })),
    };
  },
});
