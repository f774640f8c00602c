"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";

export type ContactFilters = {
  search: string;
  tag: string;
  /** A tag the contacts must not have. */
  without: string;
  /** A stage key the contacts reached. */
  reached: string;
  /** A channel and a state on it, as "sms:unsubscribed". */
  channelState: string;
  inactive: string;
  attention: boolean;
  page: number;
};

function fromParams(params: URLSearchParams): ContactFilters {
  return {
    search: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    without: params.get("without") ?? "",
    reached: params.get("reached") ?? "",
    channelState:
      params.get("channel") && params.get("state")
        ? `${params.get("channel")}:${params.get("state")}`
        : "",
    inactive: params.get("inactive") ?? "",
    attention: params.get("attention") === "1",
    page: Math.max(1, Math.floor(Number(params.get("page"))) || 1),
  };
}

function toQuery(filters: ContactFilters): string {
  const query = new URLSearchParams();
  if (filters.search) query.set("q", filters.search);
  if (filters.tag) query.set("tag", filters.tag);
  if (filters.without) query.set("without", filters.without);
  if (filters.reached) query.set("reached", filters.reached);
  const [channel, state] = filters.channelState.split(":");
  if (channel && state) {
    query.set("channel", channel);
    query.set("state", state);
  }
  if (filters.inactive) query.set("inactive", filters.inactive);
  if (filters.attention) query.set("attention", "1");
  if (filters.page > 1) query.set("page", String(filters.page));
  return query.toString();
}

/**
 * Filter state, mirrored into the URL so a filtered list can be bookmarked and shared.
 * Changes apply to the latest state, so quick edits of several fields never undo each other.
 */
export function useContactFilters() {
  const params = useSearchParams();
  const pathname = usePathname();
  const [filters, setState] = useState(() => fromParams(params));

  const setFilters = useCallback((change: Partial<ContactFilters>) => {
    // Any change other than paging starts again at page 1.
    setState((prev) => ({ ...prev, page: 1, ...change }));
  }, []);

  useEffect(() => {
    const query = toQuery(filters);
    if (query !== window.location.search.replace(/^\?/, "")) {
      // Only the URL changes (Next keeps useSearchParams in step): the list is fetched here, so
      // the server has nothing to render again. It can still overtake a link's navigation in
      // flight: the search field applies itself when it loses focus, before a click navigates.
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    }
  }, [filters, pathname]);

  return { filters, setFilters };
}

const channels = ["email", "sms", "web_push", "zalo"] as const;
const states = ["subscribed", "unsubscribed", "unreachable"] as const;

/** "sms:unsubscribed" as the list procedure takes it; anything else (an edited URL) is left out. */
function toChannelState(value: string) {
  const [channel, state] = value.split(":");
  const c = channels.find((x) => x === channel);
  const s = states.find((x) => x === state);
  return c && s ? { channel: c, state: s } : undefined;
}

/** The list procedure's input for the filters; an invalid day count is left out. */
export function toListInput(filters: ContactFilters, pageSize: number) {
  const days = Number(filters.inactive);
  const validDays = filters.inactive !== "" && Number.isInteger(days) && days >= 0;
  return {
    page: filters.page,
    pageSize,
    search: filters.search || undefined,
    tag: filters.tag || undefined,
    withoutTag: filters.without || undefined,
    reached: /^[a-z0-9_]{1,64}$/.test(filters.reached) ? filters.reached : undefined,
    channelState: toChannelState(filters.channelState),
    inactiveMoreThanDays: validDays ? days : undefined,
    needsAttention: filters.attention || undefined,
  };
}
