"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { channelNames } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { newVariantRefusal, reviewBanner } from "./grid-cell";
import { ctaLabel, statusLabels, statusTones } from "./status";
import type { TemplateGridData } from "./types";

type Variant = TemplateGridData["variants"][number];

/** The stage × channel grid of variants, with the review queue's size (SPEC §3 Templates). */
export function TemplateGrid({ canWrite }: { canWrite: boolean }) {
  const trpc = useTRPC();
  const grid = useQuery(trpc.templates.grid.queryOptions());

  if (grid.isPending) return <p className="text-sm text-stone-600">Loading…</p>;
  if (grid.isError)
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
        {grid.error.message}
      </p>
    );
  const { stages, channels, variants } = grid.data;
  const banner = reviewBanner(variants, stages, channels);

  return (
    <div className="space-y-4">
      <p
        data-testid="pending-reviews"
        aria-live="polite"
        className={`rounded-md px-3 py-2 text-sm ${
          banner.href ? "bg-amber-50 text-amber-900" : "bg-stone-100 text-stone-700"
        }`}
      >
        {banner.text}
        {banner.href && (
          <>
            {" "}
            <Link href={banner.href} className="font-medium underline">
              Review the first
            </Link>
          </>
        )}
      </p>
      {/* Scrolls sideways on a phone, shadowed where more channels are; `relative` keeps the
          links' visually hidden text inside the box instead of widening the page. */}
      <div className="scroll-shadows relative overflow-x-auto rounded-lg border border-stone-200">
        <table className="min-w-full divide-y divide-stone-200 text-sm">
          <caption className="sr-only">Templates by stage and channel</caption>
          <thead className="bg-stone-50 text-left text-xs font-semibold uppercase tracking-wide text-stone-500">
            <tr>
              <th scope="col" className="px-4 py-3">
                Stage
              </th>
              {channels.map((c) => (
                <th key={c} scope="col" className="px-4 py-3">
                  {channelNames[c] ?? c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {stages.map((stage) => (
              <tr key={stage.key}>
                <th scope="row" className="px-4 py-3 text-left align-top font-medium">
                  {stage.label}
                  <span className="block text-xs font-normal text-stone-500">{stage.key}</span>
                </th>
                {channels.map((channel) => (
                  <td key={channel} className="px-4 py-3 align-top">
                    <Cell
                      stage={stage}
                      channel={channel}
                      variants={variants.filter(
                        (v) => v.stage === stage.key && v.channel === channel,
                      )}
                      canWrite={canWrite}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Cell({
  stage,
  channel,
  variants,
  canWrite,
}: {
  stage: { key: string; label: string };
  channel: string;
  variants: Variant[];
  canWrite: boolean;
}) {
  const where = `${stage.label} · ${channelNames[channel] ?? channel}`;
  const refusal = newVariantRefusal(variants.length);
  return (
    <div className="min-w-48 space-y-2">
      {variants.length > 0 && (
        <ul className="space-y-2">
          {variants.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-1.5">
              <Link
                href={`/templates/${v.id}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                Variant {v.name}
                <span className="sr-only"> of {where}</span>
              </Link>
              <Badge tone={statusTones[v.latest.status]}>
                {statusLabels[v.latest.status]} r{v.latest.number}
              </Badge>
              {v.inUse && v.approvedNumber !== null && (
                <Badge tone="good">in use r{v.approvedNumber}</Badge>
              )}
              <span className="text-xs text-stone-500">{ctaLabel(v.latest.ctaKind)}</span>
            </li>
          ))}
        </ul>
      )}
      {!variants.some((v) => v.inUse) && (
        <p className="text-xs text-stone-500">Built-in fallback in use</p>
      )}
      {canWrite && !refusal && (
        <Link
          href={`/templates/new?${new URLSearchParams({ stage: stage.key, channel })}`}
          className="inline-block text-xs font-medium text-brand-700 underline"
        >
          New variant<span className="sr-only"> for {where}</span>
        </Link>
      )}
      {canWrite && refusal && (
        // Shown disabled, with the reason: a link that vanishes says nothing.
        <p className="text-xs text-stone-500" data-testid="new-variant-refused">
          <button
            type="button"
            disabled
            className="mr-1 cursor-not-allowed font-medium text-stone-400 underline"
          >
            New variant<span className="sr-only"> for {where}</span>
          </button>
          {refusal}
        </p>
      )}
    </div>
  );
}
