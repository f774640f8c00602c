import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ContactsView } from "@/components/contacts/contacts-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";
import { can } from "@/server/auth/permissions";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const { membership } = await requirePagePermission("contacts.read");
  return (
    <>
      <PageHeader
        title="Contacts"
        description={`Everyone ${membership.tenantName} can win back. Days are counted in each contact's own time zone (default ${membership.tenantTimeZone}).`}
      >
        {can(membership.roles, "contacts.write") && (
          <Link
            href="/contacts/import"
            className="inline-flex items-center rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
          >
            Import CSV
          </Link>
        )}
      </PageHeader>
      <Suspense>
        <ContactsView tenantTimeZone={membership.tenantTimeZone} />
      </Suspense>
    </>
  );
}
