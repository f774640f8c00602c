import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenantSettings } from "@/db/schema";
import type { TenantKind } from "@/db/schema/enums";
import { presetFor } from "@/db/presets";
import { tenantSettingsSchema, type TenantSettings } from "./schema";

/** The tenant's settings, validated; the preset of its kind when none are stored yet. */
export async function getTenantSettings(
  db: Db,
  tenant: { id: string; kind: TenantKind },
): Promise<TenantSettings> {
  const [row] = await db
    .select({ settings: tenantSettings.settings })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, tenant.id));
  return settingsOrPreset(row?.settings ?? null, tenant.kind);
}

/** Stored settings, validated; the preset of the tenant's kind when none are stored yet. */
export function settingsOrPreset(stored: unknown, kind: TenantKind): TenantSettings {
  return stored ? tenantSettingsSchema.parse(stored) : presetFor(kind);
}
