"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useState } from "react";
import { channelNames } from "@/components/format";
import { Field, Input, Select } from "@/components/ui/field";
import { useTRPC } from "@/components/providers/trpc";
import { useDebounced } from "@/components/ui/use-debounced";
import { tagWords } from "./tag-words";
import type { ContactFilters } from "./use-contact-filters";

type Props = { filters: ContactFilters; onChange: (change: Partial<ContactFilters>) => void };

export function ContactFiltersBar({ filters, onChange }: Props) {
  const trpc = useTRPC();
  const tags = useQuery(trpc.contacts.tags.queryOptions());
  const options = useQuery(trpc.contacts.filterOptions.queryOptions());
  const stageLabels = Object.fromEntries((options.data?.stages ?? []).map((s) => [s.key, s.label]));
  const [search, setSearch] = useState(filters.search);
  const [inactive, setInactive] = useState(filters.inactive);
  const inactiveInvalid = !isDayCount(inactive);

  // Typing is debounced so the list does not refetch on every key. Leaving the field applies what
  // was typed at once: focus leaves on the mousedown of a click, so a contact clicked right after
  // typing opens after the URL update, which would otherwise win over its navigation. A settled
  // value is applied when it settles, never again when the filters change (it may be older).
  const applySearch = (value: string) => {
    if (value !== filters.search) onChange({ search: value });
  };
  const applyInactive = (value: string) => {
    if (isDayCount(value) && value !== filters.inactive) onChange({ inactive: value });
  };
  const searchSettled = useEffectEvent(applySearch);
  const inactiveSettled = useEffectEvent(applyInactive);
  const settledSearch = useDebounced(search);
  const settledInactive = useDebounced(inactive);
  useEffect(() => searchSettled(settledSearch), [settledSearch]);
  useEffect(() => inactiveSettled(settledInactive), [settledInactive]);

  return (
    <div
      role="search"
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      <Field label="Search name, email or external id" id="contact-search">
        {(control) => (
          <Input
            {...control}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onBlur={() => applySearch(search)}
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
            {withSelected(tags.data, filters.tag).map((tag) => (
              <option key={tag} value={tag}>
                {tagWords(tag, stageLabels)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Without tag" id="contact-without">
        {(control) => (
          <Select
            {...control}
            value={filters.without}
            onChange={(e) => onChange({ without: e.target.value })}
          >
            <option value="">No exclusion</option>
            {withSelected(tags.data, filters.without).map((tag) => (
              <option key={tag} value={tag}>
                {tagWords(tag, stageLabels)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Stage reached"
        id="contact-reached"
        hint="In any inactivity cycle, whether its reminder was sent or not."
      >
        {(control) => (
          <Select
            {...control}
            value={filters.reached}
            onChange={(e) => onChange({ reached: e.target.value })}
          >
            <option value="">Any stage or none</option>
            {options.data?.stages.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Channel state" id="contact-channel-state">
        {(control) => (
          <Select
            {...control}
            value={filters.channelState}
            onChange={(e) => onChange({ channelState: e.target.value })}
          >
            <option value="">Any channel state</option>
            {options.data?.channels.map((channel) => {
              const name = channelNames[channel] ?? channel;
              return (
                <optgroup key={channel} label={name}>
                  <option value={`${channel}:subscribed`}>{name}: subscribed</option>
                  <option value={`${channel}:unsubscribed`}>{name}: unsubscribed</option>
                  <option value={`${channel}:unreachable`}>{name}: unreachable or not set</option>
                </optgroup>
              );
            })}
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
            onBlur={() => applyInactive(inactive)}
            placeholder="e.g. 30"
          />
        )}
      </Field>
    </div>
  );
}

/** A whole number of days, or nothing (no inactivity filter). */
const isDayCount = (value: string) => value === "" || /^\d{1,5}$/.test(value);

/** The tags in use, plus the one selected (from a bookmarked URL) if no contact has it now. */
function withSelected(tags: string[] | undefined, selected: string): string[] {
  if (!tags) return selected ? [selected] : [];
  return selected && !tags.includes(selected) ? [selected, ...tags] : tags;
}
