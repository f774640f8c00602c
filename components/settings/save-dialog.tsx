"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { z } from "zod";
import type { settingsFormSchema } from "@/server/settings/form-schema";

type Valid = z.infer<typeof settingsFormSchema>;
const contactsWord = (n: number) => `${n.toLocaleString("en")} contact${n === 1 ? "" : "s"}`;

/**
 * SPEC §1.9: before a save, how many contacts it affects now (a dry run on the real data), and
 * the owner's choice for the milestones it puts in the past.
 */
export function SaveDialog({
  values,
  version,
  lateMilestones,
  onLateMilestones,
  onClose,
  onServerErrors,
}: {
  values: Valid | null;
  version: number;
  lateMilestones: "skip" | "send";
  onLateMilestones: (choice: "skip" | "send") => void;
  onClose: () => void;
  onServerErrors: (fieldErrors: Record<string, string[]>) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const impact = useQuery({
    ...trpc.settings.impact.queryOptions({ settings: values?.settings as Valid["settings"] }),
    enabled: values !== null,
    staleTime: 0,
  });
  const save = useMutation(
    trpc.settings.save.mutationOptions({
      onSuccess: (report) => {
        toast.success(
          report.changed ? `Saved: version ${report.version} is in force.` : "Nothing changed.",
        );
        onClose();
        router.refresh();
      },
      onError: (error) => {
        const fieldErrors = error.data?.fieldErrors;
        if (fieldErrors) onServerErrors(fieldErrors);
        onClose();
        toast.error(error.message);
      },
    }),
  );
  const labels = Object.fromEntries(
    (values?.settings.cadence.stages ?? []).map((s) => [s.key, s.label]),
  );
  const late = impact.data?.late;
  const canceled = impact.data?.canceled;
  return (
    <Dialog open={values !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={`Save version ${version + 1}`}
        description="The new settings take effect at once for every contact."
      >
        {impact.isPending ? (
          <p className="text-sm text-stone-600">Counting the contacts this change affects…</p>
        ) : impact.error ? (
          <p role="alert" className="text-sm text-red-700">
            {impact.error.message}
          </p>
        ) : (
          <div className="grid gap-3 text-sm" data-testid="save-impact">
            {late && late.contacts > 0 ? (
              <>
                <ul className="list-disc pl-5">
                  {Object.entries(late.byStage).map(([key, n]) => (
                    <li key={key}>
                      {contactsWord(n)} {n === 1 ? "has" : "have"} passed the new “
                      {labels[key] ?? key}” milestone.
                    </li>
                  ))}
                </ul>
                <fieldset className="grid gap-2">
                  <legend className="mb-1 font-medium">Those late milestones</legend>
                  <label className="flex items-start gap-2">
                    <input
                      type="radio"
                      name="late"
                      checked={lateMilestones === "skip"}
                      onChange={() => onLateMilestones("skip")}
                    />
                    <span>
                      Skip them (recommended): recorded on each contact&apos;s timeline as skipped
                      because of this change; later stages go on as planned.
                    </span>
                  </label>
                  <label className="flex items-start gap-2">
                    <input
                      type="radio"
                      name="late"
                      checked={lateMilestones === "send"}
                      onChange={() => onLateMilestones("send")}
                    />
                    <span>
                      Send them now as late reminders ({contactsWord(late.contacts)}; only the
                      highest per contact; quiet hours and the daily cap still apply).
                    </span>
                  </label>
                </fieldset>
              </>
            ) : (
              <p>No contact has passed a milestone this change adds or brings forward.</p>
            )}
            {canceled && canceled.deliveries > 0 ? (
              <p>
                {canceled.deliveries.toLocaleString("en")} pending deliver
                {canceled.deliveries === 1 ? "y" : "ies"} to {contactsWord(canceled.contacts)} will
                be canceled: their stage or channel is removed.
              </p>
            ) : (
              <p>No pending delivery is canceled.</p>
            )}
          </div>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              Cancel
            </Button>
          </DialogClose>
          <Button
            type="button"
            disabled={!values || impact.isPending || save.isPending}
            onClick={() => values && save.mutate({ ...values, lateMilestones })}
          >
            {save.isPending ? "Saving…" : "Save and apply"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
