import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ContactMessages } from "@/components/contacts/contact-messages";
import { ContactProfile } from "@/components/contacts/contact-profile";
import { ContactTimeline, ContactZoneNote } from "@/components/contacts/contact-timeline";
import { DoNotContactAction } from "@/components/contacts/owner-actions";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/caller";
import { requirePagePermission } from "@/server/auth/page-guard";
import { can } from "@/server/auth/permissions";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { membership } = await requirePagePermission("contacts.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const api = await serverApi();
  const [timeline, profile, options] = await Promise.all([
    api.contacts.timeline({ contactId: id }).catch(() => null),
    api.contacts.profile({ contactId: id }).catch(() => null),
    api.contacts.filterOptions(),
  ]);
  if (!timeline || !profile) notFound();
  const { contact } = timeline;
  const name = contact.name || contact.externalId;
  const canWrite = can(membership.roles, "contacts.write");
  const stageLabels = Object.fromEntries(options.stages.map((s) => [s.key, s.label]));
  const last = contact.lastActivityAt
    ? formatDateTime(contact.lastActivityAt, contact.zone)
    : "never";
  return (
    <>
      <Link href="/contacts" className="text-sm text-brand-700 underline">
        ← Contacts
      </Link>
      <PageHeader
        title={name}
        description={`${contact.externalId} · ${contact.zone} · last activity ${last}`}
      >
        {canWrite && (
          <DoNotContactAction
            contactId={contact.id}
            name={name}
            tagged={profile.tags.includes("do-not-contact")}
          />
        )}
      </PageHeader>
      <div className="space-y-8">
        <ContactZoneNote zone={contact.zone} />
        <ContactProfile
          contactId={contact.id}
          name={name}
          profile={profile}
          stageLabels={stageLabels}
          canWrite={canWrite}
        />
        <ContactTimeline
          timeline={timeline}
          afterNext={
            <ContactMessages
              profile={profile}
              externalId={contact.externalId}
              zone={contact.zone}
            />
          }
        />
      </div>
    </>
  );
}
