import { channelNames, formatDateTime } from "@/components/format";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td } from "@/components/ui/data-table";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

type Row = inferRouterOutputs<AppRouter>["contacts"]["list"]["rows"][number];

const columns = ["Name", "Reach", "Last activity", "Channels", "Tags"].map((label) => ({ label }));
const stateTone = { subscribed: "good", unsubscribed: "neutral", unreachable: "bad" } as const;

export function ContactsTable({ rows, tenantTimeZone }: { rows: Row[]; tenantTimeZone: string }) {
  return (
    <DataTable caption="Contacts" columns={columns}>
      {rows.map((c) => (
        <tr key={c.id} className="align-top hover:bg-stone-50">
          <Td>
            <Link
              href={`/contacts/${c.id}`}
              className="font-medium text-stone-900 underline-offset-2 hover:underline"
            >
              {c.name || "(no name)"}
            </Link>
            <div className="text-xs text-stone-500">{c.externalId}</div>
          </Td>
          <Td className="text-stone-700">
            <div>{c.email ?? "—"}</div>
            <div className="text-xs text-stone-500">{c.phone ?? ""}</div>
          </Td>
          <Td>
            <LastActivity
              at={c.lastActivityAt}
              days={c.inactiveDays}
              timeZone={c.timeZone ?? tenantTimeZone}
            />
          </Td>
          <Td>
            <div className="flex flex-wrap gap-1">
              {Object.entries(c.channels).map(([channel, state]) => (
                <Badge
                  key={channel}
                  tone={stateTone[state]}
                  title={`${channelNames[channel] ?? channel}: ${state}`}
                >
                  {channelNames[channel] ?? channel}
                  {state === "subscribed" ? (
                    <span className="sr-only"> subscribed</span>
                  ) : (
                    ` · ${state}`
                  )}
                </Badge>
              ))}
            </div>
          </Td>
          <Td>
            <div className="flex flex-wrap gap-1">
              {c.tags.map((tag) => (
                <Badge key={tag} tone={tag === "do-not-contact" ? "bad" : "brand"}>
                  {tag}
                </Badge>
              ))}
            </div>
          </Td>
        </tr>
      ))}
    </DataTable>
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
  const local = formatDateTime(at, timeZone);
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
