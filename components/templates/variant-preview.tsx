"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useDebounced } from "@/components/ui/use-debounced";
import { ContactPicker } from "./contact-picker";
import { MessageView } from "./message-view";
import type { Channel, VariantContent } from "./types";

/**
 * The live preview: the content being edited, rendered for a sample contact exactly as a send
 * would (recap, recommendations, offer, compliance guards), refreshed as the marketer types.
 */
export function VariantPreview({
  stage,
  channel,
  content,
  ctaKind,
  templateId,
}: {
  stage: string;
  channel: Channel;
  content: VariantContent;
  ctaKind: string;
  templateId: string | null;
}) {
  const trpc = useTRPC();
  const [contactId, setContactId] = useState<string | null>(null);
  const input = useMemo(
    () => ({ stage, channel, content, ctaKind, templateId, contactId }),
    [stage, channel, content, ctaKind, templateId, contactId],
  );
  const settled = useDebounced(input, 400);
  const preview = useQuery({
    ...trpc.templates.preview.queryOptions(settled),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const composed = preview.data?.composed;
  const message = composed ? (composed.ok ? composed.content.message : composed.message) : null;

  return (
    <section
      aria-labelledby="preview-heading"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview
        </h2>
        <span className="text-xs text-stone-500" aria-live="polite">
          {preview.isFetching || settled !== input ? "Updating…" : ""}
        </span>
      </div>
      <ContactPicker
        value={contactId}
        chosenName={preview.data?.contact.name ?? null}
        onChange={setContactId}
      />
      {preview.data && (
        <p className="text-sm text-stone-600" data-testid="preview-contact-name">
          As {preview.data.contact.name || "this contact"} would see it
        </p>
      )}
      {preview.isError && (
        <p role="status" className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">
          No preview: {preview.error.message}
        </p>
      )}
      {preview.data && preview.data.problems.length > 0 && (
        <ul
          role="status"
          data-testid="preview-problems"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {preview.data.problems.map((p) => (
            <li key={`${p.field}:${p.message}`}>
              {p.field}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {composed && !composed.ok && (
        <p
          role="status"
          data-testid="preview-warning"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          This message would not be sent: {composed.failure.reason} ({composed.failure.guard}).
        </p>
      )}
      {message && !preview.isError && <MessageView message={message} />}
      {preview.isPending && !preview.isError && (
        <p className="text-sm text-stone-500">Rendering…</p>
      )}
    </section>
  );
}
