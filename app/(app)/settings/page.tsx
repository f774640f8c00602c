import type { Metadata } from "next";
import { SettingsEditor } from "@/components/settings/settings-editor";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/caller";
import { requirePagePermission } from "@/server/auth/page-guard";
import { can } from "@/server/auth/permissions";
import { channelDrivers } from "@/server/engine/channels/from-env";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { membership } = await requirePagePermission("settings.read");
  const current = await (await serverApi()).settings.current();
  const readOnly = !can(membership.roles, "settings.write");
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          readOnly
            ? `How this workspace reactivates its contacts (version ${current.version}). Only an owner can change them.`
            : `How this workspace reactivates its contacts (version ${current.version}). Changes take effect for every contact when you save; the preview shows what they do first.`
        }
      />
      <SettingsEditor
        key={current.version}
        initial={{ settings: current.settings, sender: current.sender }}
        version={current.version}
        drivers={channelDrivers(env)}
        kind={membership.tenantKind}
        timeZone={membership.tenantTimeZone}
        readOnly={readOnly}
      />
    </>
  );
}
