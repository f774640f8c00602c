import type { Metadata } from "next";
import { getDb } from "@/db/runtime";
import { OutboxView } from "@/components/outbox/outbox-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";
import { getTenantSettings } from "@/server/settings/get";
import { stageLabels } from "@/server/settings/stage-labels";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({
  searchParams,
}: {
  /** `contact`: a contact's page links to its messages here. */
  searchParams: Promise<{ contact?: string | string[] }>;
}) {
  const { contact } = await searchParams;
  const { membership } = await requirePagePermission("outbox.read");
  const settings = await getTenantSettings(await getDb(), {
    id: membership.tenantId,
    kind: membership.tenantKind,
  });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Messages captured by the local channel adapters instead of a real provider, newest first."
      />
      <OutboxView
        initialContact={typeof contact === "string" ? contact.slice(0, 200) : ""}
        channels={settings.channels}
        stageLabels={stageLabels(settings)}
        timeZone={membership.tenantTimeZone}
      />
    </>
  );
}
