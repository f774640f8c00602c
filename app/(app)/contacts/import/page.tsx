import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/imports/import-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";
import type { ImportTarget } from "@/server/imports/fields";

export const metadata: Metadata = { title: "Import CSV" };

export default async function ImportPage() {
  const { membership } = await requirePagePermission("contacts.write");
  // The exercise catalog feeds a learning app's recommendations: self-study workspaces only.
  const targets: ImportTarget[] =
    membership.tenantKind === "self_study" ? ["contacts", "exercises"] : ["contacts"];
  return (
    <>
      <Link href="/contacts" className="text-sm text-brand-700 underline">
        ← Contacts
      </Link>
      <PageHeader
        title="Import CSV"
        description={`Add or update ${membership.tenantName}'s ${targets.length > 1 ? "contacts or exercises" : "contacts"} from a spreadsheet export.`}
      />
      <ImportWizard targets={targets} />
    </>
  );
}
