"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type ContactFilters = { search: string; tag: string; inactive: string; page: number };

/** The filters live in the URL so a filtered list can be bookmarked and shared. */
export function useContactFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: ContactFilters = {
    search: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    inactive: params.get("inactive") ?? "",
    page: Math.max(1, Number(params.get("page")) || 1),
  };
  const setFilters = useCallback(
    (change: Partial<ContactFilters>) => {
      const next = new URLSearchParams(params);
      const entries: [string, string | number | undefined][] = [
        ["q", change.search],
        ["tag", change.tag],
        ["inactive", change.inactive],
      ];
      for (const [key, value] of entries) {
        if (value === undefined) continue;
        if (value === "") next.delete(key);
        else next.set(key, String(value));
      }
      // Any filter change starts again at page 1.
      if (change.page && change.page > 1) next.set("page", String(change.page));
      else next.delete("page");
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [params, pathname, router],
  );
  return { filters, setFilters };
}

/** The list procedure's input for the URL's filters; an invalid day count is left out. */
export function toListInput(filters: ContactFilters, pageSize: number) {
  const days = Number(filters.inactive);
  const validDays = filters.inactive !== "" && Number.isInteger(days) && days >= 0;
  return {
    page: filters.page,
    pageSize,
    search: filters.search || undefined,
    tag: filters.tag || undefined,
    inactiveMoreThanDays: validDays ? days : undefined,
  };
}
