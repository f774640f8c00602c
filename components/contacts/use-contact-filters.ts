"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";

export type ContactFilters = {
  search: string;
  tag: string;
  inactive: string;
  attention: boolean;
  page: number;
};

function fromParams(params: URLSearchParams): ContactFilters {
  return {
    search: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    inactive: params.get("inactive") ?? "",
    attention: params.get("attention") === "1",
    page: Math.max(1, Math.floor(Number(params.get("page"))) || 1),
  };
}

function toQuery(filters: ContactFilters): string {
  const query = new URLSearchParams();
  if (filters.search) query.set("q", filters.search);
  if (filters.tag) query.set("tag", filters.tag);
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
  const router = useRouter();
  const pathname = usePathname();
  const [filters, setState] = useState(() => fromParams(params));

  const setFilters = useCallback((change: Partial<ContactFilters>) => {
    // Any change other than paging starts again at page 1.
    setState((prev) => ({ ...prev, page: 1, ...change }));
  }, []);

  useEffect(() => {
    const query = toQuery(filters);
    if (query !== window.location.search.replace(/^\?/, "")) {
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    }
  }, [filters, pathname, router]);

  return { filters, setFilters };
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
    inactiveMoreThanDays: validDays ? days : undefined,
    needsAttention: filters.attention || undefined,
  };
}
