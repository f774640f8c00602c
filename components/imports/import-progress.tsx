"use client";

import { Button } from "@/components/ui/button";
import type { RunState } from "./use-import-run";

/** Step three: rows answered of the file's rows, stored and rejected so far, and cancel. */
export function ImportProgress({ state, onCancel }: { state: RunState; onCancel: () => void }) {
  const percent = state.total ? Math.min(100, Math.round((state.done / state.total) * 100)) : 0;
  const stored = state.created + state.updated;
  const canceling = state.status === "canceling";
  return (
    <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
      <h2 className="text-base font-semibold break-words">Importing {state.fileName}</h2>
      <div
        role="progressbar"
        aria-label="Rows imported"
        aria-valuemin={0}
        aria-valuemax={state.total}
        aria-valuenow={state.done}
        aria-valuetext={`${state.done.toLocaleString()} of ${state.total.toLocaleString()} rows`}
        className="h-3 overflow-hidden rounded-full bg-stone-200"
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-[width]"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p aria-live="polite" data-testid="import-progress" className="text-sm text-stone-700">
        {state.done.toLocaleString()} of {state.total.toLocaleString()} rows ({percent}%) ·{" "}
        {stored.toLocaleString()} stored · {state.rejected.toLocaleString()} rejected
      </p>
      <Button variant="secondary" onClick={onCancel} disabled={canceling}>
        {canceling ? "Canceling after this batch…" : "Cancel import"}
      </Button>
      <p className="text-xs text-stone-500">
        Rows already sent stay stored when you cancel; the batch on its way is finished first.
      </p>
    </section>
  );
}
