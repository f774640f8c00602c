"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { useTRPC } from "@/components/providers/trpc";
import { useDebounced } from "@/components/ui/use-debounced";
import type { ContactFilters } from "./use-contact-filters";

type Props = { filters: ContactFilters; onChange: (change: Partial<ContactFilters>) => void };

export function ContactFiltersBar({ filters, onChange }: Props) {
  const trpc = useTRPC();
  const tags = useQuery(trpc.contacts.tags.queryOptions());
  const [search, setSearch] = useState(filters.search);
  const [inactive, setInactive] = useState(filters.inactive);
  const inactiveInvalid = inactive !== "" && !/^\d{1,5}$/.test(inactive);

  // Typing is debounced so the list does not refetch on every key.
  const settledSearch = useDebounced(search);
  const settledInactive = useDebounced(inactive);
  useEffect(() => {
    if (settledSearch !== filters.search) onChange({ search: settledSearch });
  }, [settledSearch, filters.search, onChange]);
  useEffect(() => {
    const valid = settledInactive === "" || /^\d{1,5}$/.test(settledInactive);
    if (valid && settledInactive !== filters.inactive) onChange({ inactive: settledInactive });
  }, [settledInactive, filters.inactive, onChange]);

  return (
    <div
      role="search"
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3"
    >
      <Field label="Search name, email or external id" id="contact-search">
        {(control) => (
          <Input
            {...control}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="e.g. Nguyễn or @mail.example"
          />
        )}
      </Field>
      <Field label="Tag" id="contact-tag">
        {(control) => (
          <Select
            {...control}
            value={filters.tag}
            onChange={(e) => onChange({ tag: e.target.value })}
          >
            <option value="">Any tag</option>
            {tags.data?.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Inactive for more than (days)"
        id="contact-inactive"
        hint="Counted in each contact's own time zone."
        error={inactiveInvalid ? "Enter a whole number of days, 0 or more." : null}
      >
        {(control) => (
          <Input
            {...control}
            inputMode="numeric"
            value={inactive}
            onChange={(e) => setInactive(e.target.value.trim())}
            placeholder="e.g. 30"
          />
        )}
      </Field>
    </div>
  );
}
