import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsView } from "@/components/contacts/contacts-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const { membership } = await requirePagePermission("contacts.read");
  return (
    <>
      <PageHeader
        title="Contacts"
        description={`Everyone ${membership.tenantName} can win back. Days are counted in each contact's own time zone (default ${membership.tenantTimeZone}).`}
      />
      <Suspense>
        <ContactsView tenantTimeZone={membership.tenantTimeZone} />
      </Suspense>
    </>
  );
}
