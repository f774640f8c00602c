import { channelNames, formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td } from "@/components/ui/data-table";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

type Timeline = inferRouterOutputs<AppRouter>["contacts"]["timeline"];

const statusTone = {
  sent: "good",
  pending: "brand",
  sending: "brand",
  failed: "bad",
  skipped: "warn",
  superseded: "neutral",
  canceled: "neutral",
} as const;

const columns = ["Reminder", "Channel", "Status", "Due", "Attempts"].map((label) => ({ label }));

/** Why each message was or was not sent, and what happens next (SPEC §1.7). */
export function ContactTimeline({ timeline }: { timeline: Timeline }) {
  const zone = timeline.contact.zone;
  return (
    <div className="space-y-8">
      <section aria-labelledby="next-heading">
        <h2 id="next-heading" className="mb-3 text-lg font-semibold">
          What happens next
        </h2>
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
      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading" className="mb-3 text-lg font-semibold">
          Reminders
        </h2>
        <DataTable caption="Reminders of this contact" columns={columns}>
          {timeline.deliveries.map((d) => (
            <tr key={d.id}>
              <Td className="font-medium">
                {d.stage}
                {d.stage === "recurring" ? ` #${d.sequence}` : ""}
              </Td>
              <Td>{channelNames[d.channel] ?? d.channel}</Td>
              <Td>
                <Badge tone={statusTone[d.status]}>{d.status}</Badge>
                {d.reason && <span className="ml-2 text-xs text-stone-500">{d.reason}</span>}
              </Td>
              <Td>{formatDateTime(d.dueAt, zone)}</Td>
              <Td>{d.attemptCount}</Td>
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
              <Badge>{e.type}</Badge> <span className="text-stone-800">{e.reason}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
