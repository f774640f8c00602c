import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ContactTimeline } from "@/components/contacts/contact-timeline";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/caller";
import { requirePagePermission } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("contacts.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const timeline = await (await serverApi()).contacts.timeline({ contactId: id }).catch(() => null);
  if (!timeline) notFound();
  const { contact } = timeline;
  const last = contact.lastActivityAt
    ? formatDateTime(contact.lastActivityAt, contact.zone)
    : "never";
  return (
    <>
      <Link href="/contacts" className="text-sm text-brand-700 underline">
        ← Contacts
      </Link>
      <PageHeader
        title={contact.name || contact.externalId}
        description={`${contact.externalId} · ${contact.zone} · last activity ${last}`}
      />
      <ContactTimeline timeline={timeline} />
    </>
  );
}
