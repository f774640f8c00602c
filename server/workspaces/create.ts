import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { presetFor } from "@/db/presets";
import { memberships, tenantSettings, tenants, users } from "@/db/schema";
import { unknownTimeZones } from "@/server/contacts/known-time-zones";
import { line } from "@/server/lib/bounded";
import { ianaTimeZone } from "@/server/lib/zod-extras";

/** A new real (not sandbox) workspace, as the operator's `npm run workspace -- create` gives it. */
export const newWorkspaceInput = z.object({
  slug: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{1,39}$/,
      "must be 2–40 lowercase letters, digits or dashes, starting with a letter",
    ),
  name: line(100).min(1, "is required"),
  kind: z.enum(["home_services", "self_study"], { error: "must be home_services or self_study" }),
  timeZone: ianaTimeZone,
  ownerEmail: z.email("must be an email address").transform((e) => e.toLowerCase()),
  senderName: line(100).default(""),
  senderEmail: z.union([z.email("must be an email address"), z.literal("")]).default(""),
  postalAddress: line(500).default(""),
});

/**
 * Creates the workspace with its kind's preset and its first owner, who signs in with a magic link
 * to their email. The module starts inactive and unentitled: activation says what is missing.
 */
export async function createWorkspace(db: Db, input: z.input<typeof newWorkspaceInput>) {
  const w = newWorkspaceInput.parse(input);
  if ((await unknownTimeZones(db, [w.timeZone])).size > 0) {
    throw new Error(`timeZone: the database does not know ${w.timeZone}`);
  }
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({
        slug: w.slug,
        name: w.name,
        kind: w.kind,
        timeZone: w.timeZone,
        senderName: w.senderName,
        senderEmail: w.senderEmail,
        postalAddress: w.postalAddress,
      })
      .returning({ id: tenants.id, slug: tenants.slug });
    await tx.insert(tenantSettings).values({ tenantId: tenant!.id, settings: presetFor(w.kind) });
    await tx.insert(users).values({ email: w.ownerEmail }).onConflictDoNothing();
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, w.ownerEmail));
    await tx
      .insert(memberships)
      .values({ userId: owner!.id, tenantId: tenant!.id, roles: ["owner"] });
    return { ...tenant!, ownerEmail: w.ownerEmail };
  });
}
