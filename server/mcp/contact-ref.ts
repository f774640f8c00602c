import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { line } from "@/server/lib/bounded";
import { ToolRefusal } from "./tool";

/** A contact named the way a caller knows it: Rekindle's id, or the id its own system gave it. */
export const contactRef = {
  contactId: z.uuid().optional().describe("Rekindle's id of the contact"),
  externalId: line(200)
    .min(1)
    .optional()
    .describe("The contact's id in your own system, as it was imported"),
};

/**
 * The id of the workspace's contact named by `ref`. A contact of another workspace is not found,
 * as any id the caller gives.
 */
export async function resolveContact(
  db: Db,
  tenantId: string,
  ref: { contactId?: string; externalId?: string },
): Promise<string> {
  // Without either, the query below would name any contact of the workspace.
  if (!ref.contactId && !ref.externalId)
    throw new ToolRefusal("Name the contact by its contactId or its externalId.");
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        ref.contactId ? eq(contacts.id, ref.contactId) : undefined,
        ref.externalId ? eq(contacts.externalId, ref.externalId) : undefined,
      ),
    )
    .limit(1);
  if (!row) throw new ToolRefusal("No such contact in this workspace.");
  return row.id;
}
