import { channelNames, formatDateTime } from "@/components/format";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td } from "@/components/ui/data-table";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import { tagWords } from "./tag-words";

type Row = inferRouterOutputs<AppRouter>["contacts"]["list"]["rows"][number];

// Below `sm` the reach, the channels and the tags move under the name: the table fits a phone
// without scrolling.
const secondary = "hidden sm:table-cell";
const columns = [
  { label: "Name" },
  { label: "Reach", className: secondary },
  { label: "Last activity" },
  { label: "Channels", className: secondary },
  { label: "Tags", className: secondary },
];
const stateTone = { subscribed: "good", unsubscribed: "neutral", unreachable: "bad" } as const;

export function ContactsTable({
  rows,
  tenantTimeZone,
  stageLabels,
}: {
  rows: Row[];
  tenantTimeZone: string;
  /** Stage key → label, to name the stage of a `reactivation:<stage>` tag. */
  stageLabels: Record<string, string>;
}) {
  return (
    <DataTable caption="Contacts" columns={columns}>
      {rows.map((c) => (
        <tr key={c.id} className="align-top hover:bg-stone-50">
          <Td>
            <Link
              href={`/contacts/${c.id}`}
              className="rounded-sm font-medium text-brand-700 underline decoration-brand-700/40 underline-offset-2 hover:decoration-brand-700"
            >
              {c.name || "(no name)"}
            </Link>
            <div className="text-xs text-stone-500">{c.externalId}</div>
            <div className="mt-1 space-y-1 sm:hidden">
              {c.email && <div className="break-all text-xs text-stone-700">{c.email}</div>}
              <Channels channels={c.channels} />
              <Tags tags={c.tags} stageLabels={stageLabels} />
            </div>
          </Td>
          <Td className={`text-stone-700 ${secondary}`}>
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
          <Td className={secondary}>
            <Channels channels={c.channels} />
          </Td>
          <Td className={secondary}>
            <Tags tags={c.tags} stageLabels={stageLabels} />
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}

function Channels({ channels }: { channels: Row["channels"] }) {
  return (
    <div className="flex flex-wrap gap-1">
      {Object.entries(channels).map(([channel, state]) => (
        <Badge
          key={channel}
          tone={stateTone[state]}
          title={`${channelNames[channel] ?? channel}: ${state}`}
        >
          {channelNames[channel] ?? channel}
          {state === "subscribed" ? <span className="sr-only"> subscribed</span> : ` · ${state}`}
        </Badge>
      ))}
    </div>
  );
}

function Tags({ tags, stageLabels }: { tags: string[]; stageLabels: Record<string, string> }) {
  if (tags.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <Badge key={tag} tone={tag === "do-not-contact" ? "bad" : "brand"} title={tag}>
          {tagWords(tag, stageLabels)}
        </Badge>
      ))}
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
  if (!at || days === null) return <span className="text-stone-500">Never</span>;
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
