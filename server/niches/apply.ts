import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import type { Actor } from "@/server/audit/record";
import type { LateMilestones } from "@/server/engine/planning/settings-change";
import { currentSettings, saveSettings, type SaveReport } from "@/server/settings/save";
import { nicheKey, type NicheKey } from "./keys";
import { nicheSettings } from "./presets";

/** Why a niche's preset cannot be applied to a workspace (not an input error). */
export class NicheRefused extends Error {}

/** What the owner chooses: the niche, and what to do with milestones the new ladder puts behind. */
export const applyNicheInput = z.object({
  tenantId: z.uuid({ error: "must be a workspace id" }),
  niche: nicheKey,
  /**
   * Contacts who already passed a milestone the new ladder adds: skip it (the default, as on the
   * Settings page) or send it now as a late reminder.
   */
  lateMilestones: z.enum(["skip", "send"], { error: "must be skip or send" }).default("skip"),
});

/**
 * Applies a niche's preset to a home-services workspace (the activation page, when the owner picks
 * the kind of business): its cadence, channels, offer and fallback copy, over the workspace's own
 * quiet hours, brand and links (`nicheSettings`). Saved as any settings change is: a new version
 * applied to every contact at `now`, with an audit entry saying what changed, before and after.
 * Applying the niche already in force changes nothing and makes no version. Throws a `ZodError`
 * naming the field for bad input, and `NicheRefused` for a workspace that is not home services.
 */
export async function applyNichePreset(
  db: Db,
  input: {
    tenantId: string;
    niche: NicheKey;
    actor: Actor;
    now: Date;
    lateMilestones?: LateMilestones;
  },
): Promise<SaveReport & { niche: NicheKey }> {
  const { tenantId, niche, lateMilestones } = applyNicheInput.parse(input);
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .select({ id: tenants.id, kind: tenants.kind })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    if (!tenant) throw new NicheRefused(`No workspace ${tenantId}.`);
    if (tenant.kind !== "home_services")
      throw new NicheRefused(
        "Niche presets are for home-services workspaces: a learning app keeps its own cadence.",
      );
    // Locked before reading, so the settings kept from the workspace are the ones the save follows.
    const current = await currentSettings(tx, tenant, true);
    const report = await saveSettings(tx, {
      tenant,
      settings: nicheSettings(niche, current.settings),
      sender: current.sender,
      lateMilestones,
      actor: input.actor,
      now: input.now,
    });
    return { ...report, niche };
  });
}
