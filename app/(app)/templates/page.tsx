import type { Metadata } from "next";
import { TemplateGrid } from "@/components/templates/template-grid";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";
import { can } from "@/server/auth/permissions";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const { membership } = await requirePagePermission("templates.read");
  const canWrite = can(membership.roles, "templates.write");
  return (
    <>
      <PageHeader
        title="Templates"
        description="The message of each stage on each channel. At send time one approved variant is picked; with none approved, the built-in fallback is sent."
      />
      <TemplateGrid canWrite={canWrite} />
    </>
  );
}
