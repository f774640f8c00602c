"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Field, Input, Select } from "@/components/ui/field";
import { useDebounced } from "@/components/ui/use-debounced";

/** Picks the sample contact of the preview: a search over the workspace's contacts. */
export function ContactPicker({
  value,
  chosenName,
  onChange,
}: {
  value: string | null;
  /** The name of the contact being previewed, for when the search no longer lists it. */
  chosenName: string | null;
  onChange: (contactId: string | null) => void;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const term = useDebounced(search.trim());
  const list = useQuery({
    ...trpc.contacts.list.queryOptions({ page: 1, pageSize: 20, search: term || undefined }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="Find a sample contact" id="preview-contact-search">
        {(control) => (
          <Input
            {...control}
            type="search"
            placeholder="Name or external id"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        )}
      </Field>
      <Field label="Sample contact" id="preview-contact">
        {(control) => (
          <Select
            {...control}
            value={value ?? ""}
            onChange={(e) => onChange(e.target.value || null)}
          >
            <option value="">First contact by name</option>
            {value && !rows.some((r) => r.id === value) && (
              <option value={value}>{chosenName || "Chosen contact"}</option>
            )}
            {rows.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name || r.externalId} ({r.externalId})
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
