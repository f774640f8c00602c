"use client";

import type { DashboardInput } from "@/server/metrics/dashboard-schema";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { localDay, readFilters, toSearch } from "./filters";

const subscribe = () => () => {};

/** The viewer's calendar day, once in the browser (null while rendering on the server). */
export function useToday(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => localDay(new Date()),
    () => null,
  );
}

/**
 * The dashboard's filters, read from the URL. A change is a new history entry (Back undoes it)
 * made without a round trip to the server: the query refetches the data for the new filters.
 */
export function useDashboardFilters(today: string) {
  const params = useSearchParams();
  const search = params.toString();
  const read = useMemo(() => readFilters(new URLSearchParams(search), today), [search, today]);

  const setFilters = useCallback(
    (change: Partial<DashboardInput>) => {
      const query = toSearch({ ...read.input, ...change }, today);
      if (query === search) return;
      window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
    },
    [read.input, search, today],
  );

  return { ...read, setFilters };
}
