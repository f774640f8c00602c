"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/providers/trpc";
import { AttentionNotice } from "./attention-notice";
import { ContactFiltersBar } from "./contact-filters";
import { ContactsTable } from "./contacts-table";
import { toListInput, useContactFilters } from "./use-contact-filters";

const PAGE_SIZE = 25;

export function ContactsView({ tenantTimeZone }: { tenantTimeZone: string }) {
  const trpc = useTRPC();
  const { filters, setFilters } = useContactFilters();
  const options = useQuery(trpc.contacts.filterOptions.queryOptions());
  const stageLabels = Object.fromEntries((options.data?.stages ?? []).map((s) => [s.key, s.label]));
  const list = useQuery({
    ...trpc.contacts.list.queryOptions(toListInput(filters, PAGE_SIZE)),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const beyondEnd = list.data !== undefined && !list.isPlaceholderData && filters.page > pages;

  // A bookmarked page past the end (the list shrank) moves to the last page.
  useEffect(() => {
    if (beyondEnd) setFilters({ page: pages });
  }, [beyondEnd, pages, setFilters]);
  const first = total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, filters.page * PAGE_SIZE);

  return (
    <div className="space-y-4">
      <AttentionNotice
        showingAll={filters.attention}
        onShowAll={(attention) => setFilters({ attention })}
      />
      <ContactFiltersBar filters={filters} onChange={setFilters} />
      <div className="flex items-center justify-between text-sm text-stone-600" aria-live="polite">
        <span data-testid="contacts-count">
          {list.isPending
            ? "Loading…"
            : `${first.toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()} contacts`}
        </span>
        {list.isFetching && !list.isPending && <span className="text-xs">Updating…</span>}
      </div>
      {list.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {list.error.message}
        </p>
      )}
      {list.data && list.data.rows.length === 0 && (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-10 text-center text-stone-500">
          No contact matches these filters.
        </p>
      )}
      {list.data && list.data.rows.length > 0 && (
        <ContactsTable
          rows={list.data.rows}
          tenantTimeZone={tenantTimeZone}
          stageLabels={stageLabels}
        />
      )}
      <nav aria-label="Pagination" className="flex items-center justify-end gap-2">
        <Button
          variant="secondary"
          disabled={filters.page <= 1}
          onClick={() => setFilters({ page: filters.page - 1 })}
        >
          Previous
        </Button>
        <span className="text-sm text-stone-600">
          Page {filters.page} of {pages}
        </span>
        <Button
          variant="secondary"
          disabled={filters.page >= pages}
          onClick={() => setFilters({ page: filters.page + 1 })}
        >
          Next
        </Button>
      </nav>
    </div>
  );
}
