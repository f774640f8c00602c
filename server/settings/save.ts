import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenantSettings, tenants } from "@/db/schema";
import type { TenantKind } from "@/db/schema/enums";
import { recordAudit, type Actor } from "@/server/audit/record";
import {
  applySettingsChange,
  settingsChangeImpact,
  type ChangeImpact,
} from "@/server/engine/steps/change-settings";
import type { LateMilestones } from "@/server/engine/planning/settings-change";
import { describeSettings, settingsDiff, type Sender } from "./describe";
import { settingsOrPreset } from "./get";
import type { TenantSettings } from "./schema";

type Tenant = { id: string; kind: TenantKind };

/** The settings in force and the sender identity, with the version a save would follow. */
export async function currentSettings(db: Db, tenant: Tenant, lock = false) {
  const query = db
    .select({
      stored: tenantSettings.settings,
      version: tenantSettings.version,
      name: tenants.senderName,
      email: tenants.senderEmail,
      postalAddress: tenants.postalAddress,
    })
    .from(tenants)
    .leftJoin(tenantSettings, eq(tenantSettings.tenantId, tenants.id))
    .where(eq(tenants.id, tenant.id));
  const [row] = lock ? await query.for("update", { of: tenants }) : await query;
  if (!row) throw new Error(`No tenant ${tenant.id}`);
  const { stored, version, ...sender } = row;
  return {
    settings: settingsOrPreset(stored, tenant.kind),
    version: version ?? 0,
    sender: sender satisfies Sender,
  };
}

export type SaveReport = { version: number; impact: ChangeImpact; changed: number };

/**
 * SPEC §1.9: stores a new version of the tenant's settings and sender, applies it to every
 * contact at `now` (cancellations, late milestones, next checks) and audits who changed what, all
 * in one transaction. A save that changes nothing is not a new version.
 */
export async function saveSettings(
  db: Db,
  input: {
    tenant: Tenant;
    settings: TenantSettings;
    sender: Sender;
    lateMilestones: LateMilestones;
    actor: Actor;
    now: Date;
  },
): Promise<SaveReport> {
  const { tenant, settings, sender, now } = input;
  return db.transaction(async (tx) => {
    // The tenant row's lock serialises saves: each one reads the version it follows.
    const current = await currentSettings(tx, tenant, true);
    const diff = settingsDiff(
      describeSettings(current.settings, current.sender),
      describeSettings(settings, sender),
    );
    const none = { late: { contacts: 0, byStage: {} }, canceled: { deliveries: 0, contacts: 0 } };
    if (diff.length === 0) return { version: current.version, impact: none, changed: 0 };
    const version = current.version + 1;
    await tx
      .insert(tenantSettings)
      .values({ tenantId: tenant.id, settings, version, updatedAt: now })
      .onConflictDoUpdate({
        target: tenantSettings.tenantId,
        set: { settings, version, updatedAt: now },
      });
    await tx
      .update(tenants)
      .set({
        senderName: sender.name,
        senderEmail: sender.email,
        postalAddress: sender.postalAddress,
      })
      .where(eq(tenants.id, tenant.id));
    const impact = await applySettingsChange(tx, {
      tenantId: tenant.id,
      before: current.settings,
      after: settings,
      at: now,
      lateMilestones: input.lateMilestones,
      version,
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: input.actor,
      kind: "settings",
      summary: `Changed ${diff.map((d) => d.setting.toLowerCase()).join(", ")} (version ${version})`,
      data: { version, diff, lateMilestones: input.lateMilestones, impact },
      at: now,
    });
    return { version, impact, changed: diff.length };
  });
}

/** The save dialog's counts for these settings, from a dry run on the real data. */
export async function previewImpact(
  db: Db,
  tenant: Tenant,
  settings: TenantSettings,
  now: Date,
): Promise<ChangeImpact> {
  const current = await currentSettings(db, tenant);
  return settingsChangeImpact(db, {
    tenantId: tenant.id,
    before: current.settings,
    after: settings,
    at: now,
  });
}
