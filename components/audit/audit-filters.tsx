"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Field, Select } from "@/components/ui/field";
import { kindLabel } from "./words";

type Props = {
  kinds: readonly string[];
  /** Everyone who appears in the log, as it names them. */
  actors: string[];
  kind: string;
  actor: string;
};

/**
 * Filters by kind and by person, kept in the URL so a filtered log can be bookmarked and shared.
 * A change starts again from the newest entries.
 */
export function AuditFilters({ kinds, actors, kind, actor }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  function set(name: "kind" | "actor", value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("before");
    next.delete("beforeId");
    const query = next.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  return (
    <div
      role="search"
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2"
    >
      <Field label="What changed" id="audit-kind">
        {(control) => (
          <Select {...control} value={kind} onChange={(e) => set("kind", e.target.value)}>
            <option value="">Every kind of change</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Who" id="audit-actor">
        {(control) => (
          <Select {...control} value={actor} onChange={(e) => set("actor", e.target.value)}>
            <option value="">Everyone</option>
            {(actor && !actors.includes(actor) ? [actor, ...actors] : actors).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
