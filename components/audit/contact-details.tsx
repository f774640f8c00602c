import Link from "next/link";
import { valueWords } from "./words";

type ContactData = {
  contactId?: string;
  externalId?: string;
  name?: string;
  action?: string;
  tag?: string;
  channel?: string;
  before?: string | null;
  after?: string;
};

/** An owner's action on a contact: which contact (linked), what changed, before and after. */
export function ContactDetails({
  data,
  timeZone,
}: {
  data: Record<string, unknown>;
  timeZone: string;
}) {
  const d = data as ContactData;
  const who = d.name ? `${d.name} (${d.externalId})` : (d.externalId ?? "A contact");
  const channel = valueWords("channel", d.channel, timeZone);
  const rows: [string, string][] =
    d.action === "tag_added"
      ? [["Change", `Tag ${d.tag} added: the engine plans and sends nothing to the contact`]]
      : d.action === "tag_removed"
        ? [["Change", `Tag ${d.tag} removed: the engine plans the contact again`]]
        : d.action === "channel_off"
          ? [
              ["Change", `${channel} turned off; the other channels stay as they were`],
              ["Before", d.before ?? "not set"],
              ["After", d.after ?? "unsubscribed"],
            ]
          : [["Change", d.action?.replaceAll("_", " ") ?? "—"]];
  return (
    <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-4 gap-y-1">
      <dt className="text-stone-500">Contact</dt>
      <dd className="min-w-0 break-words">
        {d.contactId ? (
          <Link href={`/contacts/${d.contactId}`} className="text-brand-700 underline">
            {who}
          </Link>
        ) : (
          who
        )}
      </dd>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-stone-500">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
