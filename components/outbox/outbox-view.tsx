"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { channelNames } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useDebounced } from "@/components/ui/use-debounced";
import { OutboxMessage } from "./outbox-message";

type Channel = "email" | "sms" | "web_push" | "zalo";
const PAGE_SIZE = 20;

type Props = {
  /** The contact filter a link came with (`/outbox?contact=…#message-…`). */
  initialContact: string;
  /** The workspace's channels: the filter offers only these. */
  channels: Channel[];
  /** Stage key → the label of the workspace's cadence. */
  stageLabels: Record<string, string>;
  /** The workspace's zone: the Outbox is a workspace-wide list, so its times are in it. */
  timeZone: string;
};

/** Every message the local channel adapters captured, as the contact would see it. */
export function OutboxView({ initialContact, channels, stageLabels, timeZone }: Props) {
  const trpc = useTRPC();
  const [contact, setContact] = useState(initialContact);
  const [channel, setChannel] = useState<Channel | "">("");
  const [page, setPage] = useState(1);
  const search = useDebounced(contact.trim());
  const list = useQuery({
    ...trpc.outbox.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      contact: search || undefined,
      channel: channel || undefined,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  useScrollToLinkedMessage(list.data !== undefined);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="space-y-4">
      <div
        role="search"
        className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2"
      >
        <Field label="Contact (name, external id or recipient)" id="outbox-contact">
          {(control) => (
            <Input
              {...control}
              type="search"
              value={contact}
              onChange={(e) => {
                setContact(e.target.value);
                setPage(1);
              }}
            />
          )}
        </Field>
        <Field label="Channel" id="outbox-channel">
          {(control) => (
            <Select
              {...control}
              value={channel}
              onChange={(e) => {
                setChannel(e.target.value as Channel | "");
                setPage(1);
              }}
            >
              <option value="">All channels</option>
              {channels.map((value) => (
                <option key={value} value={value}>
                  {channelNames[value] ?? value}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-stone-600">
        <p aria-live="polite" data-testid="outbox-count">
          {list.isPending ? "Loading…" : `${total.toLocaleString()} messages`}
        </p>
        <p className="text-xs text-stone-500" data-testid="times-zone">
          Times in {timeZone}, the workspace&apos;s time zone.
        </p>
      </div>
      {list.data?.rows.length === 0 && (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-10 text-center text-stone-500">
          No message yet. Reminders appear here when they are sent.
        </p>
      )}
      <ol className="space-y-3">
        {list.data?.rows.map((m) => (
          <OutboxMessage
            key={m.id}
            m={m}
            stageLabel={m.stage ? (stageLabels[m.stage] ?? m.stage) : null}
            timeZone={timeZone}
          />
        ))}
      </ol>
      <nav aria-label="Pagination" className="flex items-center justify-end gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Newer
        </Button>
        <span className="text-sm text-stone-600">
          Page {page} of {pages}
        </span>
        <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Older
        </Button>
      </nav>
    </div>
  );
}

/** A link to one message (`#message-<id>`) scrolls to it once the list has loaded. */
function useScrollToLinkedMessage(loaded: boolean) {
  useEffect(() => {
    if (!loaded || !window.location.hash.startsWith("#message-")) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView({ block: "start" });
  }, [loaded]);
}
