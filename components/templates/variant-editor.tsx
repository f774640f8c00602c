"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ReviewBox } from "./review-box";
import { PinEditor } from "./pin-editor";
import { RevisionHistory } from "./revision-history";
import { statusLabels, statusTones } from "./status";
import type { PaletteEntry, Revision, VariantDetail } from "./types";
import { errorMessage, useVariantDraft } from "./use-variant-draft";
import { VariantFields } from "./variant-fields";
import { VariantPreview } from "./variant-preview";

type Outcome = { error: string | null; notice: string | null };

/**
 * One variant: edit its latest revision (marketers), submit, withdraw, approve or reject it, see
 * it rendered live for a sample contact, and its whole history. Owners see it read-only.
 */
export function VariantEditor({
  initial,
  canWrite,
  canReview,
  ctaKinds,
  palette,
  linkLength,
  timeZone,
}: {
  initial: VariantDetail;
  canWrite: boolean;
  canReview: boolean;
  ctaKinds: string[];
  palette: PaletteEntry[];
  /** Characters of a message link, for the SMS counter. */
  linkLength: number;
  /** The workspace's zone, for the history's times (the same on the server and in the browser). */
  timeZone: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const templateId = initial.template.id;
  const detail = useQuery({
    ...trpc.templates.variant.queryOptions({ templateId }),
    initialData: initial,
  });
  const { template, revisions } = detail.data;
  // A variant is created with its first revision, so there is always a latest one.
  const latest = revisions[0]!;
  const draft = useVariantDraft(latest);
  const save = useMutation(trpc.templates.saveDraft.mutationOptions());
  const review = useMutation(trpc.templates.review.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome>({ error: null, notice: null });
  const hydrated = useHydrated();

  const inReview = latest.status === "in_review";
  const { viewer } = detail.data;
  const ownRevision = latest.authorId === viewer.userId;
  // The server refuses the rest; offering only what it accepts keeps the page honest.
  const mayApprove = canReview && inReview && (!ownRevision || viewer.allowSelfApproval);
  const mayWithdraw = canReview && inReview && ownRevision;
  const editable = canWrite && !inReview;
  const busy = !hydrated || save.isPending || review.isPending;

  /** Runs one action and shows its outcome or failure: callers have nothing left to await. */
  async function run(work: () => Promise<string>) {
    setOutcome({ error: null, notice: null });
    try {
      setOutcome({ error: null, notice: await work() });
    } catch (error) {
      setOutcome({ error: errorMessage(error), notice: null });
    } finally {
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: trpc.templates.variant.queryKey({ templateId }),
        }),
        queryClient.invalidateQueries({ queryKey: trpc.templates.grid.queryKey() }),
      ]);
    }
  }

  async function saveDraft(): Promise<Pick<Revision, "id" | "number">> {
    const saved = await save.mutateAsync({
      templateId,
      ctaKind: draft.ctaKind,
      content: draft.content,
    });
    // The server sanitises the HTML: the form shows what was stored.
    draft.reset({ content: saved.content, ctaKind: saved.ctaKind });
    return saved;
  }

  const act = (
    action: "submit" | "withdraw" | "approve" | "reject",
    revisionId: string,
    comment: string | null = null,
  ) => review.mutateAsync({ revisionId, action, comment });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const saved = await saveDraft();
      return `Saved as draft r${saved.number}.`;
    });
  }

  const submitForReview = () =>
    void run(async () => {
      const revisionId = draft.dirty ? (await saveDraft()).id : latest.id;
      const submitted = await act("submit", revisionId);
      return `r${submitted.number} submitted for review.`;
    });

  const withdraw = () =>
    void run(async () => {
      const withdrawn = await act("withdraw", latest.id);
      return `r${withdrawn.number} withdrawn: it is a draft again.`;
    });

  const decide = (action: "approve" | "reject", comment: string | null) =>
    void run(async () => {
      const decided = await act(action, latest.id, comment);
      return action === "approve"
        ? `r${decided.number} approved: it is now in use.`
        : `r${decided.number} rejected.`;
    });

  const approved = revisions.find((r) => r.id === template.approvedRevisionId);
  return (
    <div className="space-y-8">
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          <form
            aria-label={`Variant ${template.name}`}
            onSubmit={onSubmit}
            noValidate
            className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
          >
            <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="variant-status">
              <span className="text-stone-600">Latest revision r{latest.number}</span>
              <Badge tone={statusTones[latest.status]}>{statusLabels[latest.status]}</Badge>
              <span className="text-stone-600">
                {approved
                  ? `· r${approved.number} in use`
                  : "· not in use yet (the built-in fallback is sent)"}
              </span>
            </p>
            {canWrite && inReview && (
              <p className="text-sm text-stone-600">
                r{latest.number} is in review: withdraw it to edit, or wait for the review.
              </p>
            )}
            {canWrite && latest.status === "approved" && (
              <p className="text-xs text-stone-500">
                Saving creates a new draft revision; r{latest.number} stays in use until the new one
                is approved.
              </p>
            )}
            <VariantFields
              content={draft.content}
              ctaKind={draft.ctaKind}
              ctaKinds={ctaKinds}
              palette={palette}
              linkLength={linkLength}
              readOnly={!editable}
              onContentChange={draft.setContent}
              onCtaKindChange={draft.setCtaKind}
            />
            {outcome.error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {outcome.error}
              </p>
            )}
            {outcome.notice && (
              <p
                role="status"
                className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
              >
                {outcome.notice}
              </p>
            )}
            {canWrite && (
              <div className="flex flex-wrap gap-2">
                {!inReview && (
                  <Button type="submit" variant="secondary" disabled={busy || !draft.dirty}>
                    Save draft
                  </Button>
                )}
                {canReview && !inReview && (latest.status === "draft" || draft.dirty) && (
                  <Button type="button" disabled={busy} onClick={submitForReview}>
                    Submit for review
                  </Button>
                )}
                {mayWithdraw && (
                  <Button type="button" variant="secondary" disabled={busy} onClick={withdraw}>
                    Withdraw
                  </Button>
                )}
                {draft.dirty && (
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={busy}
                    onClick={() => draft.reset(latest)}
                  >
                    Discard changes
                  </Button>
                )}
              </div>
            )}
          </form>
          {mayApprove && <ReviewBox revisionNumber={latest.number} busy={busy} onReview={decide} />}
          {canReview && inReview && !mayApprove && (
            <p className="text-sm text-stone-600" data-testid="awaiting-review">
              You wrote r{latest.number}: another marketer reviews it (self-approval is off for this
              workspace).
            </p>
          )}
        </div>
        <VariantPreview
          stage={template.stage}
          channel={template.channel}
          content={draft.content}
          ctaKind={draft.ctaKind}
          templateId={templateId}
        />
      </div>
      {detail.data.pinnable && (
        <PinEditor templateId={templateId} pins={detail.data.pins} canWrite={canWrite} />
      )}
      <RevisionHistory
        revisions={revisions}
        approvedRevisionId={template.approvedRevisionId}
        timeZone={timeZone}
      />
    </div>
  );
}
