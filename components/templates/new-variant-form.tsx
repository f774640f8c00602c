"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Channel, PaletteEntry, VariantContent } from "./types";
import { errorMessage, useVariantDraft } from "./use-variant-draft";
import { VariantFields } from "./variant-fields";
import { VariantPreview } from "./variant-preview";

/** A new variant of a stage × channel, prefilled with the built-in fallback; saved as a draft. */
export function NewVariantForm({
  stage,
  channel,
  prefill,
  ctaKinds,
  palette,
  linkLength,
}: {
  stage: string;
  channel: Channel;
  prefill: { content: VariantContent; ctaKind: string };
  ctaKinds: string[];
  palette: PaletteEntry[];
  /** Characters of a message link, for the SMS counter. */
  linkLength: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const draft = useVariantDraft(prefill);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.templates.create.mutationOptions());
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { template } = await create.mutateAsync({
        stage,
        channel,
        ctaKind: draft.ctaKind,
        content: draft.content,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.templates.grid.queryKey() });
      router.push(`/templates/${template.id}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
      <form
        aria-label="New variant"
        // onSubmit shows its own failures in the form: nothing is left to await.
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
      >
        <p className="text-sm text-stone-600">
          Prefilled with the built-in fallback. The variant is saved as a draft; submit it for
          review from its page.
        </p>
        <VariantFields
          content={draft.content}
          ctaKind={draft.ctaKind}
          ctaKinds={ctaKinds}
          palette={palette}
          linkLength={linkLength}
          readOnly={false}
          onContentChange={draft.setContent}
          onCtaKindChange={draft.setCtaKind}
        />
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <Button type="submit" disabled={!hydrated || create.isPending || create.isSuccess}>
          Create draft
        </Button>
      </form>
      <VariantPreview
        stage={stage}
        channel={channel}
        content={draft.content}
        ctaKind={draft.ctaKind}
        templateId={null}
      />
    </div>
  );
}
