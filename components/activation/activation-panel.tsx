"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { formatDateTime } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { NicheKey } from "@/server/niches/keys";
import { ReadinessChecklist } from "./readiness-checklist";
import { NicheDialog } from "./niche-dialog";
import { requirementName, WithCode } from "./requirement";
import type { ModuleStatusView } from "./types";

const MODULE_NAME = "Dormant Customer Reactivation";
/** How often the checklist is checked again while the page is open (and on window focus). */
const RECHECK_MS = 5_000;

type State = ModuleStatusView["state"];
type Action = "activate" | "pause" | "resume" | "deactivate";

const stateBadges: Record<State, { label: string; tone: "good" | "warn" | "bad" | "neutral" }> = {
  active: { label: "Active", tone: "good" },
  paused: { label: "Paused", tone: "warn" },
  deferred: { label: "Deferred", tone: "bad" },
  inactive: { label: "Not active", tone: "neutral" },
};

const stateSentences: Record<State, string> = {
  active: "Contacts are planned as they turn dormant, and their reminders are sent.",
  paused:
    "Nothing is planned or sent until you resume. Reminders already planned wait; contacts, settings and history stay as they are.",
  deferred:
    "Activation is waiting for what is missing below: nothing is planned or sent until it is provided and you activate again.",
  inactive:
    "Nothing is planned or sent. Activate it when the checklist is met: a missing item defers the activation and says how to provide it.",
};

/**
 * The activation page: the module's state, what can be done in it, and the readiness checklist,
 * checked again every few seconds and when the window regains focus.
 */
export function ActivationPanel({ initial }: { initial: ModuleStatusView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const hydrated = useHydrated();
  const status = useQuery(
    trpc.modules.status.queryOptions(undefined, {
      initialData: initial,
      staleTime: 0,
      refetchInterval: RECHECK_MS,
      refetchOnWindowFocus: true,
    }),
  );
  const [dialog, setDialog] = useState<"niche" | "deactivate" | null>(null);
  const change = useMutation(
    trpc.modules.change.mutationOptions({
      onSuccess: (next, input) => {
        queryClient.setQueryData(trpc.modules.status.queryKey(), (old) =>
          old ? { ...old, ...next } : old,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.modules.status.queryKey() });
        // The banner on every page is the layout's: render it again for the new state.
        router.refresh();
        setDialog(null);
        announce(
          input.action ?? "activate",
          next.state,
          next.missing.length,
          nicheLabel(input.niche),
        );
      },
    }),
  );
  const data = status.data;
  const nicheLabel = (key: string | null | undefined) =>
    data.niches.find((n) => n.key === key)?.label;
  const run = (action: Action, niche?: NicheKey) => {
    change.reset();
    change.mutate({ action, niche });
  };
  const activate = () => {
    change.reset();
    if (data.kind === "home_services") setDialog("niche");
    else run("activate");
  };
  const badge = stateBadges[data.state];
  const allMet = data.checklist.every((i) => i.met);
  const busy = !hydrated || change.isPending;
  const error = dialog === null ? change.error?.message : undefined;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section
        aria-labelledby="module-title"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="module-title" className="text-base font-semibold text-stone-900">
            {MODULE_NAME}
          </h2>
          <span data-testid="module-state">
            <Badge tone={badge.tone}>{badge.label}</Badge>
          </span>
        </div>
        <p className="mt-2 text-sm text-stone-700">{stateSentences[data.state]}</p>
        <dl className="mt-3 grid gap-1 text-xs text-stone-500">
          {data.changedAt && hydrated && (
            <div>
              <dt className="inline">Since: </dt>
              <dd className="inline">{formatDateTime(data.changedAt)}</dd>
            </div>
          )}
          {data.niche && (
            <div>
              <dt className="inline">Kind of business: </dt>
              <dd className="inline">{nicheLabel(data.niche) ?? data.niche}</dd>
            </div>
          )}
        </dl>
        {data.sandbox && (
          <p
            data-testid="sandbox-note"
            className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950"
          >
            Sandbox: messages go to the Outbox. Nothing reaches a real person, so every channel
            counts as ready.
          </p>
        )}
        {data.state === "deferred" && data.missing.length > 0 && (
          <div
            data-testid="missing-items"
            className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950"
          >
            <p className="font-medium">
              Missing {data.missing.length === 1 ? "1 item" : `${data.missing.length} items`} at the
              last attempt:
            </p>
            <ul className="mt-2 list-disc space-y-2 pl-5">
              {data.missing.map((m) => (
                <li key={`${m.kind}:${m.item}`}>
                  <span className="block font-semibold">{requirementName(m)}</span>
                  <span className="block">
                    <WithCode text={m.reason} />
                  </span>
                  <span className="block">
                    <span className="font-semibold">How to fix: </span>
                    <WithCode text={m.fix} />
                  </span>
                </li>
              ))}
            </ul>
            {allMet && (
              <p className="mt-2 font-medium">Everything is in place now: activate again.</p>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        {status.error && (
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            The checklist could not be checked again: {status.error.message}
          </p>
        )}
        <div className="mt-5 flex flex-wrap gap-2">
          {(data.state === "inactive" || data.state === "deferred") && (
            <Button disabled={busy} onClick={activate}>
              {data.state === "deferred" ? "Activate again" : "Activate"}
            </Button>
          )}
          {data.state === "active" && (
            <Button variant="secondary" disabled={busy} onClick={() => run("pause")}>
              {change.isPending && change.variables?.action === "pause" ? "Pausing…" : "Pause"}
            </Button>
          )}
          {data.state === "paused" && (
            <Button disabled={busy} onClick={() => run("resume")}>
              {change.isPending && change.variables?.action === "resume" ? "Resuming…" : "Resume"}
            </Button>
          )}
          {(data.state === "active" || data.state === "paused") && (
            <Button
              variant="danger"
              disabled={busy}
              onClick={() => {
                change.reset();
                setDialog("deactivate");
              }}
            >
              Deactivate
            </Button>
          )}
        </div>
      </section>
      <ReadinessChecklist
        items={data.checklist}
        checkedAt={hydrated ? new Date(status.dataUpdatedAt).toLocaleTimeString("en-GB") : null}
      />
      <NicheDialog
        open={dialog === "niche"}
        niches={data.niches}
        current={data.niche}
        pending={change.isPending}
        error={dialog === "niche" ? (change.error?.message ?? null) : null}
        onOpenChange={(open) => setDialog(open ? "niche" : null)}
        onActivate={(niche) => run("activate", niche)}
      />
      <Dialog
        open={dialog === "deactivate"}
        onOpenChange={(open) => setDialog(open ? "deactivate" : null)}
      >
        <DialogContent
          title={`Deactivate ${MODULE_NAME}?`}
          description="Nothing will be planned or sent until an owner activates it again. Contacts, settings, templates and history stay as they are. To stop for a while, pause instead."
        >
          {dialog === "deactivate" && change.error && (
            <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {change.error.message}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="danger" disabled={change.isPending} onClick={() => run("deactivate")}>
              {change.isPending ? "Deactivating…" : "Deactivate"}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}

/** The toast after a change: what the module does now. */
function announce(action: Action, state: State, missing: number, niche: string | undefined) {
  if (state === "deferred") {
    toast.warning(
      `Activation deferred: ${missing} ${missing === 1 ? "item is" : "items are"} missing. The page lists each with how to provide it.`,
    );
  } else if (state === "active") {
    toast.success(
      action === "resume"
        ? `${MODULE_NAME} resumed: planning and sending start again.`
        : `${MODULE_NAME} is active${niche ? ` with the ${niche} settings` : ""}: contacts are planned and their reminders sent.`,
    );
  } else if (state === "paused") {
    toast.success(`${MODULE_NAME} paused: nothing is planned or sent until you resume.`);
  } else {
    toast.success(`${MODULE_NAME} deactivated: nothing will be planned or sent.`);
  }
}
