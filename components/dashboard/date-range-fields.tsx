"use client";

import { useState } from "react";
import { Field, Input } from "@/components/ui/field";
import { dashboardInputSchema } from "@/server/metrics/dashboard-schema";

type Range = { from: string; to: string };

/** What is wrong with a range, in the server's words, or null when it is fine. */
function rangeProblem(range: Range): { field: "from" | "to"; message: string } | null {
  const parsed = dashboardInputSchema.safeParse(range);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { field: issue.path[0] === "from" ? "from" : "to", message: issue.message };
}

/**
 * The first and last day shown. A valid edit applies at once; an invalid one (the end before the
 * start, more than three years) says why and changes nothing until it is fixed. Remount it (key)
 * when the range changes from outside.
 */
export function DateRangeFields({
  range,
  onChange,
}: {
  range: Range;
  onChange: (r: Range) => void;
}) {
  const [draft, setDraft] = useState(range);
  const problem = draft.from && draft.to ? rangeProblem(draft) : null;
  const edit = (change: Partial<Range>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    if (next.from && next.to && !rangeProblem(next)) onChange(next);
  };
  const missing = (value: string) => (value ? null : "Enter a date.");
  return (
    <>
      <Field
        label="From"
        id="dashboard-from"
        error={
          missing(draft.from) ?? (problem?.field === "from" ? `Start ${problem.message}.` : null)
        }
      >
        {(control) => (
          <Input
            {...control}
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(e) => edit({ from: e.target.value })}
          />
        )}
      </Field>
      <Field
        label="To"
        id="dashboard-to"
        error={missing(draft.to) ?? (problem?.field === "to" ? `End ${problem.message}.` : null)}
      >
        {(control) => (
          <Input
            {...control}
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(e) => edit({ to: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
