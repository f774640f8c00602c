"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { NicheKey } from "@/server/niches/keys";
import type { NicheView } from "./types";

const KEEP = "keep";

/** "6, 9 and 12 months; then every 180 days" — what a niche's ladder does, in a line. */
function ladder(niche: NicheView): string {
  const { stages, recurringEveryDays } = niche.settings.cadence;
  const steps = stages.map((s) => `${s.threshold} ${s.unit}${s.threshold === 1 ? "" : "s"}`);
  const list =
    steps.length > 1 ? `${steps.slice(0, -1).join(", ")} and ${steps.at(-1)}` : (steps[0] ?? "");
  return recurringEveryDays
    ? `Reminders at ${list} without a job, then every ${recurringEveryDays} days.`
    : `Reminders at ${list} without a job; no recurring reminder.`;
}

/**
 * Before a home-services workspace activates: which kind of business it is. A niche sets the
 * stage ladder, the recurring reminder, email + SMS, the offer and the fallback copy (as a new
 * settings version); "keep my current settings" activates with the settings as they are.
 */
export function NicheDialog({
  open,
  niches,
  current,
  pending,
  error,
  onOpenChange,
  onActivate,
}: {
  open: boolean;
  niches: NicheView[];
  /** The niche chosen at the last activation, if any. */
  current: string | null;
  pending: boolean;
  error: string | null;
  onOpenChange: (open: boolean) => void;
  onActivate: (niche: NicheKey | undefined) => void;
}) {
  const [choice, setChoice] = useState<string>(KEEP);
  const chosen = niches.find((n) => n.key === choice);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="max-w-2xl"
        title="What kind of business is this?"
        description="A niche sets the reminders' stages, the offer, the channels (email and SMS) and the built-in copy to fit how often your customers need you. Your quiet hours, retries, holdout, brand and links stay as they are. The change is saved as a new settings version and shows in the Audit log."
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onActivate(chosen?.key);
          }}
        >
          <fieldset>
            <legend className="sr-only">Kind of business</legend>
            <div className="grid gap-2">
              <NicheOption
                value={KEEP}
                checked={choice === KEEP}
                onChange={setChoice}
                label="Keep my current settings"
                description="Activate with the settings as they are now (see Settings)."
              />
              {niches.map((n) => (
                <NicheOption
                  key={n.key}
                  value={n.key}
                  checked={choice === n.key}
                  onChange={setChoice}
                  label={n.label}
                  badge={n.key === current ? "Chosen last time" : undefined}
                  description={n.description}
                >
                  <span className="mt-2 block text-stone-700">{n.reasoning}</span>
                  <span className="mt-2 block text-stone-600">
                    {ladder(n)} Offer: {n.settings.offer?.title ?? "none"}.
                  </span>
                </NicheOption>
              ))}
            </div>
          </fieldset>
          {error && (
            <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          {/* Stays in view while the niches scroll. */}
          <div className="sticky -bottom-5 -mx-5 -mb-5 mt-4 flex flex-wrap justify-end gap-2 border-t border-stone-200 bg-white px-5 py-3">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Activating…" : chosen ? `Apply ${chosen.label} and activate` : "Activate"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** A radio card: the whole card is the label; the chosen one shows its details. */
function NicheOption({
  value,
  checked,
  onChange,
  label,
  badge,
  description,
  children,
}: {
  value: string;
  checked: boolean;
  onChange: (value: string) => void;
  label: string;
  badge?: string;
  description: string;
  children?: ReactNode;
}) {
  const id = `niche-${value}`;
  return (
    <label
      htmlFor={id}
      className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm ${
        checked ? "border-brand-500 bg-brand-50/50 ring-1 ring-brand-500" : "border-stone-200"
      }`}
    >
      <input
        id={id}
        type="radio"
        name="niche"
        value={value}
        checked={checked}
        onChange={() => onChange(value)}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
        className="mt-0.5 size-4 shrink-0 accent-brand-600"
      />
      <span className="min-w-0">
        <span className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
          <span id={`${id}-label`}>{label}</span>
          {badge && (
            <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700">
              {badge}
            </span>
          )}
        </span>
        <span id={`${id}-description`} className="block text-stone-600">
          {description}
        </span>
        {checked && children}
      </span>
    </label>
  );
}
