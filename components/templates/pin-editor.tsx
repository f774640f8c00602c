"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useDebounced } from "@/components/ui/use-debounced";
import { pinCandidates, pinDetail } from "./pin-choices";
import type { VariantDetail } from "./types";

type Pin = VariantDetail["pins"][number];

/**
 * SPEC §1.6: exercises a marketer pins to a variant come first in its recommendations, before
 * fresh, trending-in-skill and global trending ones. Up to 10, in order.
 */
export function PinEditor({
  templateId,
  pins,
  canWrite,
}: {
  templateId: string;
  pins: Pin[];
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const found = useQuery({
    ...trpc.templates.exercises.queryOptions({ search: useDebounced(search) }),
    enabled: canWrite,
  });
  const save = useMutation(trpc.templates.setPins.mutationOptions());
  const candidates = pinCandidates(found.data ?? [], pins);
  // Equal titles are told apart across both lists, as a marketer sees them together.
  const detail = (e: Pin) => pinDetail(e, [...pins, ...candidates]);
  const setPins = async (next: Pin[]) => {
    await save.mutateAsync({ templateId, exerciseIds: next.map((p) => p.id) });
    await queryClient.invalidateQueries(trpc.templates.variant.queryFilter({ templateId }));
  };
  return (
    <section
      aria-labelledby="pins-heading"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="pins-heading" className="font-semibold">
        Pinned exercises
      </h2>
      <p className="text-sm text-stone-600">Recommended first, before new and trending ones.</p>
      {pins.length === 0 && <p className="text-sm text-stone-500">None pinned.</p>}
      <ol className="space-y-1 text-sm" data-testid="pinned-exercises">
        {pins.map((p) => (
          <li key={p.id} className="flex items-center justify-between gap-2">
            <span>
              {p.title} <span className="text-stone-500">· {detail(p)}</span>
            </span>
            {canWrite && (
              <Button
                type="button"
                variant="secondary"
                disabled={save.isPending}
                aria-label={`Unpin ${p.title} (${detail(p)})`}
                onClick={() => void setPins(pins.filter((x) => x.id !== p.id))}
              >
                Unpin
              </Button>
            )}
          </li>
        ))}
      </ol>
      {canWrite && pins.length < 10 && (
        <>
          <Field label="Find an exercise to pin" id="pin-search">
            {(control) => (
              <Input {...control} value={search} onChange={(e) => setSearch(e.target.value)} />
            )}
          </Field>
          <ul className="max-h-48 space-y-1 overflow-auto text-sm">
            {candidates.map((e) => (
              <li key={e.id} className="flex items-center justify-between gap-2">
                <span>
                  {e.title} <span className="text-stone-500">· {detail(e)}</span>
                </span>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={save.isPending}
                  aria-label={`Pin ${e.title} (${detail(e)})`}
                  onClick={() => void setPins([...pins, e])}
                >
                  Pin
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {save.isError && (
        <p role="alert" className="text-sm text-red-700">
          {save.error.message}
        </p>
      )}
    </section>
  );
}
