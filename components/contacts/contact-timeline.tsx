import { channelNames, formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td } from "@/components/ui/data-table";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";

type Timeline = inferRouterOutputs<AppRouter>["contacts"]["timeline"];

const statusTone = {
  sent: "good",
  pending: "brand",
  sending: "brand",
  failed: "bad",
  skipped: "warn",
  superseded: "neutral",
  canceled: "neutral",
  held_out: "neutral",
} as const;

// Attempts are rarely more than one: below `sm` the column gives its room to the others.
const columns = [
  { label: "Reminder" },
  { label: "Channel" },
  { label: "Status" },
  { label: "Due" },
  { label: "Attempts", className: "hidden sm:table-cell" },
];

/** Times of the contact's page are in the contact's zone, and the page says so first. */
export function ContactZoneNote({ zone }: { zone: string }) {
  // Contact-related times are in the contact's zone, workspace lists in the workspace's: each
  // page names the zone it uses.
  return (
    <p className="text-xs text-stone-500" data-testid="times-zone">
      Times in {zone}, the contact&apos;s time zone.
    </p>
  );
}

function eventTone(type: string) {
  if (type === "engine_error" || type === "failed") return "bad";
  if (type === "sent" || type === "reactivated") return "good";
  if (type === "tag_added" || type === "tag_removed" || type === "channel_changed") return "warn";
  return undefined;
}

/** Why each message was or was not sent, and what happens next (SPEC §1.7). */
export function ContactTimeline({
  timeline,
  afterNext,
}: {
  timeline: Timeline;
  /** What the page shows between "What happens next" and the reminders (the messages sent). */
  afterNext?: ReactNode;
}) {
  const zone = timeline.contact.zone;
  return (
    <div className="space-y-8">
      {timeline.attention && <EngineAttention attention={timeline.attention} zone={zone} />}
      <section aria-labelledby="next-heading">
        <h2 id="next-heading" className="mb-3 text-lg font-semibold">
          What happens next
        </h2>
        {timeline.moduleHold && (
          <p role="status" className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {timeline.moduleHold}
          </p>
        )}
        {timeline.doNotContact ? (
          <p className="text-stone-600">Nothing: the contact is tagged do-not-contact.</p>
        ) : timeline.next.length === 0 ? (
          <p className="text-stone-600">Nothing is planned.</p>
        ) : (
          <ul className="space-y-1">
            {timeline.next.map((n) => (
              <li key={`${n.at.toISOString()}-${n.what}`} className="text-stone-800">
                <time className="font-medium" dateTime={n.at.toISOString()}>
                  {formatDateTime(n.at, zone)}
                </time>{" "}
                — {n.what}
              </li>
            ))}
          </ul>
        )}
      </section>
      {afterNext}
      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading" className="mb-3 text-lg font-semibold">
          Reminders
        </h2>
        <DataTable caption="Reminders of this contact" columns={columns}>
          {timeline.deliveries.map((d) => (
            <tr key={d.id}>
              <Td className="font-medium">
                {d.stageLabel}
                {d.stage === "recurring" ? ` #${d.sequence}` : ""}
              </Td>
              <Td>{channelNames[d.channel] ?? d.channel}</Td>
              <Td>
                <Badge tone={statusTone[d.status]}>{d.status.replace("_", " ")}</Badge>
                {d.reason && <span className="ml-2 text-xs text-stone-500">{d.reason}</span>}
              </Td>
              <Td>{formatDateTime(d.dueAt, zone)}</Td>
              <Td className="hidden sm:table-cell">{d.attemptCount}</Td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading" className="mb-3 text-lg font-semibold">
          Decisions
        </h2>
        <ol className="space-y-2 border-l border-stone-200 pl-4">
          {timeline.events.map((e, i) => (
            <li key={i} className="text-sm">
              <time className="text-xs text-stone-500" dateTime={e.at.toISOString()}>
                {formatDateTime(e.at, zone)}
              </time>{" "}
              <Badge tone={eventTone(e.type)}>{e.title}</Badge>{" "}
              <span className="text-stone-800">{e.reason}</span>
              {e.detail && <span className="ml-2 text-xs text-stone-500">{e.detail}</span>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** The engine set this contact aside: what failed, and when it is tried again. */
function EngineAttention({
  attention,
  zone,
}: {
  attention: NonNullable<Timeline["attention"]>;
  zone: string;
}) {
  return (
    <section
      aria-labelledby="attention-heading"
      className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900"
    >
      <h2 id="attention-heading" className="mb-1 font-semibold">
        Needs attention: the engine failed on this contact
      </h2>
      <p>
        {attention.failures} {attention.failures === 1 ? "failure" : "failures"} in a row
        {attention.since && <> since {formatDateTime(attention.since, zone)}</>}:{" "}
        <code className="break-all">{attention.error}</code>
      </p>
      <p className="mt-1">
        Other contacts are not held up. It is tried again at{" "}
        {formatDateTime(attention.retryAt, zone)} and less often while it keeps failing; once its
        data is corrected (for example through the contacts API) it recovers on the next try.
      </p>
    </section>
  );
}
