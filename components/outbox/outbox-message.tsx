"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { channelNames, formatDateTime } from "@/components/format";
import { Linkified } from "./linkified";

export type OutboxRow = {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  text: string;
  html: string | null;
  url: string | null;
  variant: string | null;
  createdAt: Date;
  contactName: string | null;
  contactExternalId: string | null;
  stage: string | null;
};

/** A push subscription is a long JSON document: show only the push service it goes through. */
function recipientLabel(channel: string, recipient: string): string {
  if (channel !== "web_push") return recipient;
  try {
    return `browser via ${new URL((JSON.parse(recipient) as { endpoint: string }).endpoint).host}`;
  } catch {
    return "browser";
  }
}

/**
 * One captured message as the contact would see it: links work (they are the tracked ones).
 * `stageLabel` is the stage as the workspace names it; the time is shown in `timeZone`.
 */
export function OutboxMessage({
  m,
  stageLabel,
  timeZone,
}: {
  m: OutboxRow;
  stageLabel: string | null;
  timeZone: string;
}) {
  const [asSent, setAsSent] = useState(false);
  return (
    <li
      id={`message-${m.id}`}
      className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 target:ring-2 target:ring-brand-500"
      data-testid="outbox-message"
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone="brand">{channelNames[m.channel] ?? m.channel}</Badge>
        {stageLabel && <Badge>{stageLabel}</Badge>}
        {m.variant && (
          <Badge>{m.variant === "fallback" ? "built-in fallback" : `variant ${m.variant}`}</Badge>
        )}
        <span className="font-medium">{m.contactName || m.recipient}</span>
        <span className="text-stone-500">
          {m.contactExternalId} · to {recipientLabel(m.channel, m.recipient)}
        </span>
        <time className="ml-auto text-xs text-stone-500" dateTime={m.createdAt.toISOString()}>
          {formatDateTime(m.createdAt, timeZone)}
        </time>
      </div>
      {m.subject && <p className="mt-2 font-semibold">{m.subject}</p>}
      {m.html && asSent ? (
        <iframe
          title={`Email to ${m.contactName ?? m.recipient}`}
          className="mt-2 h-96 w-full rounded border border-stone-200"
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={m.html.replace("<head>", '<head><base target="_blank">')}
        />
      ) : (
        <p className="mt-1 whitespace-pre-line text-stone-800">
          <Linkified text={m.text} />
        </p>
      )}
      {m.url && (
        <p className="mt-1 text-sm">
          <a className="text-brand-700 underline" href={m.url} target="_blank" rel="noreferrer">
            Open the notification&apos;s link
          </a>
        </p>
      )}
      {m.html && (
        <button
          type="button"
          className="mt-2 text-sm font-medium text-brand-700 underline"
          onClick={() => setAsSent(!asSent)}
        >
          {asSent ? "Show the text part" : "Show the email as sent"}
        </button>
      )}
    </li>
  );
}
