import Link from "next/link";
import { channelNames, formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

type Profile = inferRouterOutputs<AppRouter>["contacts"]["profile"];

/**
 * The reminders sent to the contact, newest first, each linked to the Outbox where a local
 * adapter captured it. Roles that may not read messages see when and what stage, not the text.
 */
export function ContactMessages({
  profile,
  externalId,
  zone,
}: {
  profile: Profile;
  externalId: string;
  zone: string;
}) {
  const outbox = `/outbox?contact=${encodeURIComponent(externalId)}`;
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading" className="mb-3 text-lg font-semibold">
        Messages sent
      </h2>
      {profile.messages.length === 0 ? (
        <p className="text-stone-600">No reminder has been sent to this contact yet.</p>
      ) : (
        <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {profile.messages.map((m) => (
            <li
              key={m.deliveryId}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm"
              data-testid="contact-message"
            >
              <time className="text-stone-500" dateTime={m.sentAt?.toISOString()}>
                {m.sentAt ? formatDateTime(m.sentAt, zone) : "—"}
              </time>
              <Badge tone="brand">{channelNames[m.channel] ?? m.channel}</Badge>
              <span className="font-medium">
                {m.stageLabel}
                {m.stage === "recurring" ? ` #${m.sequence}` : ""}
              </span>
              {m.headline && (
                <span className="min-w-0 break-words text-stone-700">{m.headline}</span>
              )}
              {m.outboxMessageId && (
                <Link
                  href={`${outbox}#message-${m.outboxMessageId}`}
                  aria-label={`Open the ${m.stageLabel} message on ${channelNames[m.channel] ?? m.channel} in the Outbox`}
                  className="ml-auto text-brand-700 underline"
                >
                  Open in the Outbox
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
      {!profile.messagesReadable && profile.messages.length > 0 && (
        <p className="mt-2 text-xs text-stone-500">
          What each message said is in the Outbox, which your role does not open.
        </p>
      )}
    </section>
  );
}
