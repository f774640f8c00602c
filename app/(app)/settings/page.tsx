import type { Metadata } from "next";
import { SettingsSummary } from "@/components/settings/settings-summary";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/caller";
import { requirePagePermission } from "@/server/auth/page-guard";
import { channelDrivers } from "@/server/engine/channels/from-env";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePagePermission("settings.read");
  const settings = await (await serverApi()).settings.get();
  return (
    <>
      <PageHeader
        title="Settings"
        description="How this workspace reactivates its contacts. Read-only for now."
      />
      <SettingsSummary settings={settings} drivers={channelDrivers(env)} />
    </>
  );
}
