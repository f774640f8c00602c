"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

type Props = { showingAll: boolean; onShowAll: (show: boolean) => void };

/**
 * Contacts the engine failed on and set aside: each waits with a backoff while every other
 * contact goes on, until someone repairs its data. Shown only when there are some.
 */
export function AttentionNotice({ showingAll, onShowAll }: Props) {
  const trpc = useTRPC();
  const attention = useQuery(trpc.contacts.attention.queryOptions());
  const total = attention.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <section
      aria-labelledby="attention-heading"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="attention-heading" className="font-semibold">
          {total === 1 ? "1 contact needs" : `${total.toLocaleString()} contacts need`} attention
        </h2>
        <Button variant="secondary" onClick={() => onShowAll(!showingAll)}>
          {showingAll ? "Show every contact" : "List only these"}
        </Button>
      </div>
      <p className="mt-1">
        The engine failed on {total === 1 ? "it" : "them"} and tries again with a growing delay;
        nobody else is held up. Correct the data (for example through the contacts API) and the next
        try recovers.
      </p>
      <ul className="mt-2 space-y-1">
        {attention.data?.rows.map((c) => (
          <li key={c.id}>
            <Link href={`/contacts/${c.id}`} className="font-medium underline">
              {c.name || c.externalId}
            </Link>{" "}
            — {c.failures} {c.failures === 1 ? "failure" : "failures"}
            {c.since && <>, last {formatDateTime(c.since)}</>}:{" "}
            <code className="break-all text-xs">{c.error}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
