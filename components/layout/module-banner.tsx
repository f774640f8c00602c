import Link from "next/link";
import type { ModuleState } from "@/db/schema/modules";

/**
 * On every page while the reactivation module is not active: nothing is planned or sent, so no
 * one should wonder why the Outbox stays empty. Owners get the way to the Activation page.
 */
export function ModuleBanner({
  state,
  missing,
  canManage,
}: {
  state: Exclude<ModuleState, "active">;
  missing: number;
  canManage: boolean;
}) {
  const what = {
    paused: "Reactivation is paused: nothing is planned or sent.",
    inactive: "Reactivation is not active yet: nothing is planned or sent.",
    deferred: `Reactivation is deferred: ${missing} ${missing === 1 ? "item" : "items"} missing, so nothing is planned or sent.`,
  }[state];
  const how = {
    paused: "Resume it on",
    inactive: "Activate it on",
    deferred: "See what is missing on",
  }[state];
  return (
    <p
      className="bg-stone-800 px-4 py-1 text-center text-sm text-white"
      data-testid="module-banner"
    >
      {what}{" "}
      {canManage ? (
        <>
          {how}{" "}
          <Link href="/activation" className="font-medium underline underline-offset-2">
            the Activation page
          </Link>
          .
        </>
      ) : (
        `An owner can ${state === "paused" ? "resume" : "activate"} it.`
      )}
    </p>
  );
}
