import { Badge } from "@/components/ui/badge";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

type Row = inferRouterOutputs<AppRouter>["contacts"]["list"]["rows"][number];

const channelLabels: Record<string, string> = {
  email: "Email",
  sms: "SMS",
  web_push: "Push",
  zalo: "Zalo",
};
const stateTone = { subscribed: "good", unsubscribed: "neutral", unreachable: "bad" } as const;

export function ContactsTable({ rows, tenantTimeZone }: { rows: Row[]; tenantTimeZone: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        <caption className="sr-only">Contacts</caption>
        <thead className="bg-stone-50 text-left text-xs font-semibold uppercase tracking-wide text-stone-500">
          <tr>
            <th scope="col" className="px-4 py-3">
              Name
            </th>
            <th scope="col" className="px-4 py-3">
              Reach
            </th>
            <th scope="col" className="px-4 py-3">
              Last activity
            </th>
            <th scope="col" className="px-4 py-3">
              Channels
            </th>
            <th scope="col" className="px-4 py-3">
              Tags
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((c) => (
            <tr key={c.id} className="align-top hover:bg-stone-50">
              <td className="px-4 py-3">
                <div className="font-medium text-stone-900">{c.name || "(no name)"}</div>
                <div className="text-xs text-stone-500">{c.externalId}</div>
              </td>
              <td className="px-4 py-3 text-stone-700">
                <div>{c.email ?? "—"}</div>
                <div className="text-xs text-stone-500">{c.phone ?? ""}</div>
              </td>
              <td className="px-4 py-3">
                <LastActivity
                  at={c.lastActivityAt}
                  days={c.inactiveDays}
                  timeZone={c.timeZone ?? tenantTimeZone}
                />
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-1">
                  {Object.entries(c.channels).map(([channel, state]) => (
                    <Badge
                      key={channel}
                      tone={stateTone[state]}
                      title={`${channelLabels[channel] ?? channel}: ${state}`}
                    >
                      {channelLabels[channel] ?? channel}
                      {state !== "subscribed" && ` · ${state}`}
                    </Badge>
                  ))}
                </div>
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-1">
                  {c.tags.map((tag) => (
                    <Badge key={tag} tone={tag === "do-not-contact" ? "bad" : "brand"}>
                      {tag}
                    </Badge>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LastActivity({
  at,
  days,
  timeZone,
}: {
  at: Date | null;
  days: number | null;
  timeZone: string;
}) {
  if (!at || days === null) return <span className="text-stone-400">Never</span>;
  const local = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(at);
  const label = days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
  return (
    <div>
      <div className="font-medium">{label}</div>
      <div className="text-xs text-stone-500" title={timeZone}>
        {local} · {timeZone}
      </div>
    </div>
  );
}
