import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { channelNames } from "@/components/format";
import { paletteFor } from "@/components/templates/palette";
import { VariantEditor } from "@/components/templates/variant-editor";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/caller";
import { requirePagePermission } from "@/server/auth/page-guard";
import { can } from "@/server/auth/permissions";
import { env } from "@/server/env";
import { linkLength } from "@/server/links/link-id";
import { ctaKinds } from "@/server/templates/input";

export const metadata: Metadata = { title: "Template variant" };

export default async function VariantPage({ params }: { params: Promise<{ id: string }> }) {
  const { membership } = await requirePagePermission("templates.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const api = await serverApi();
  const [detail, grid] = await Promise.all([
    api.templates.variant({ templateId: id }).catch(() => null),
    api.templates.grid(),
  ]);
  if (!detail) notFound();
  const { template } = detail;
  const stageLabel = grid.stages.find((s) => s.key === template.stage)?.label ?? template.stage;
  const canWrite = can(membership.roles, "templates.write");
  return (
    <>
      <Link href="/templates" className="text-sm text-brand-700 underline">
        ← Templates
      </Link>
      <PageHeader
        title={`Variant ${template.name}`}
        description={`${stageLabel} (${template.stage}) on ${channelNames[template.channel] ?? template.channel}.${canWrite ? "" : " Read-only: marketers write and review templates."}`}
      />
      <VariantEditor
        initial={detail}
        canWrite={canWrite}
        canReview={can(membership.roles, "templates.review")}
        ctaKinds={ctaKinds}
        palette={paletteFor(membership.tenantKind, template.stage, template.channel)}
        linkLength={linkLength(env.NEXTAUTH_URL)}
        timeZone={membership.tenantTimeZone}
      />
    </>
  );
}
