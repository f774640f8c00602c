import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { channel as channelEnum } from "@/db/schema/enums";
import { channelNames } from "@/components/format";
import { NewVariantForm } from "@/components/templates/new-variant-form";
import { paletteFor } from "@/components/templates/palette";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/caller";
import { requirePagePermission } from "@/server/auth/page-guard";
import { fallbackVariant } from "@/server/content/fallback";
import { env } from "@/server/env";
import { linkLength } from "@/server/links/link-id";
import { ctaKinds, defaultCtaKind, stageKey } from "@/server/templates/input";
import { MAX_VARIANTS } from "@/server/templates/review-rules";

export const metadata: Metadata = { title: "New template variant" };

const query = z.object({ stage: stageKey, channel: z.enum(channelEnum.enumValues) });

export default async function NewVariantPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { membership } = await requirePagePermission("templates.write");
  const parsed = query.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const { stage, channel } = parsed.data;
  const api = await serverApi();
  // The niche's built-in fallback is where a new variant starts, as it is what goes out without one.
  const [grid, settings] = await Promise.all([api.templates.grid(), api.settings.get()]);
  const stageInfo = grid.stages.find((s) => s.key === stage);
  if (!stageInfo || !grid.channels.includes(channel)) notFound();
  const count = grid.variants.filter((v) => v.stage === stage && v.channel === channel).length;
  const where = `${stageInfo.label} on ${channelNames[channel] ?? channel}`;
  return (
    <>
      <Link href="/templates" className="text-sm text-brand-700 underline">
        ← Templates
      </Link>
      <PageHeader title="New variant" description={where} />
      {count >= MAX_VARIANTS ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-10 text-center text-stone-600">
          {where} already has {MAX_VARIANTS} variants: edit one of them instead.
        </p>
      ) : (
        <NewVariantForm
          stage={stage}
          channel={channel}
          prefill={{
            content: fallbackVariant(stage, channel, settings.niche),
            ctaKind: defaultCtaKind(membership.tenantKind),
          }}
          ctaKinds={ctaKinds}
          palette={paletteFor(membership.tenantKind, stage, channel)}
          linkLength={linkLength(env.NEXTAUTH_URL)}
        />
      )}
    </>
  );
}
