"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A reviewer's verdict on the revision in review: approve, or reject saying why. */
export function ReviewBox({
  revisionNumber,
  busy,
  onReview,
}: {
  revisionNumber: number;
  busy: boolean;
  onReview: (action: "approve" | "reject", comment: string | null) => void;
}) {
  const [comment, setComment] = useState("");
  const trimmed = comment.trim() || null;
  return (
    <section
      aria-labelledby="review-heading"
      className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4"
    >
      <h2 id="review-heading" className="text-sm font-semibold text-amber-900">
        Review r{revisionNumber}
      </h2>
      <div>
        <label htmlFor="review-comment" className="mb-1 block text-xs font-medium text-stone-700">
          Review comment
        </label>
        <textarea
          id="review-comment"
          aria-describedby="review-comment-hint"
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-500"
        />
        <p id="review-comment-hint" className="mt-1 text-xs text-stone-600">
          Required to reject; optional to approve.
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} onClick={() => onReview("approve", trimmed)}>
          Approve
        </Button>
        <Button
          type="button"
          variant="danger"
          disabled={busy}
          onClick={() => onReview("reject", trimmed)}
        >
          Reject
        </Button>
      </div>
    </section>
  );
}
