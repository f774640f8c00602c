"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";

type Props = {
  /** The button that opens the dialog. */
  trigger: string;
  /** Its accessible name when the visible text needs the context ("Turn off SMS"). */
  triggerLabel?: string;
  title: string;
  description: ReactNode;
  confirm: string;
  pending: string;
  tone?: "primary" | "danger";
  /** Runs the action; resolves when it is done (the dialog closes), rejects with why not. */
  onConfirm: () => Promise<unknown>;
};

/**
 * A button that asks before acting: the dialog says what will happen, and a refusal stays in it,
 * next to the button that caused it.
 */
export function ConfirmAction(props: Props) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const tone = props.tone ?? "primary";

  async function run() {
    setPending(true);
    setError(null);
    try {
      await props.onConfirm();
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button
          variant={tone === "danger" ? "danger" : "secondary"}
          disabled={!hydrated}
          aria-label={props.triggerLabel}
        >
          {props.trigger}
        </Button>
      </DialogTrigger>
      <DialogContent title={props.title} description={props.description}>
        {error && (
          <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant={tone} disabled={pending} onClick={() => void run()}>
            {pending ? props.pending : props.confirm}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
