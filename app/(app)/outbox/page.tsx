import type { Metadata } from "next";
import { OutboxView } from "@/components/outbox/outbox-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  await requirePagePermission("outbox.read");
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Messages captured by the local channel adapters instead of a real provider, newest first."
      />
      <OutboxView />
    </>
  );
}
