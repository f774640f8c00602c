import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";
import { AuditEntry } from "@/components/audit/audit-entry";
import { AuditFilters } from "@/components/audit/audit-filters";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/caller";
import { auditKinds } from "@/server/audit/list";
import { requirePagePermission } from "@/server/auth/page-guard";
import { stageLabels } from "@/server/settings/stage-labels";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 30;

/** The URL's filters; a value that is not one (an edited URL) is ignored. */
const searchSchema = z.object({
  kind: z.enum(auditKinds).optional().catch(undefined),
  actor: z.string().max(200).optional().catch(undefined),
  before: z.iso.datetime().optional().catch(undefined),
  beforeId: z.uuid().optional().catch(undefined),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { membership } = await requirePagePermission("audit.read");
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filters = searchSchema.parse({
    kind: first(raw.kind),
    actor: first(raw.actor),
    before: first(raw.before),
    beforeId: first(raw.beforeId),
  });
  const api = await serverApi();
  const [rows, actors, settings] = await Promise.all([
    api.audit.list({
      kind: filters.kind,
      actor: filters.actor,
      before: filters.before ? new Date(filters.before) : undefined,
      beforeId: filters.before ? filters.beforeId : undefined,
      limit: PAGE_SIZE + 1,
    }),
    api.audit.actors(),
    api.settings.get(),
  ]);
  const entries = rows.slice(0, PAGE_SIZE);
  const last = entries.at(-1);
  const zone = membership.tenantTimeZone;
  const labels = stageLabels(settings);
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (filters.kind) params.set("kind", filters.kind);
    if (filters.actor) params.set("actor", filters.actor);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const text = params.toString();
    return text ? `/audit?${text}` : "/audit";
  };
  const filtered = filters.kind !== undefined || filters.actor !== undefined;

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who changed what in ${membership.tenantName}, and when: settings, the team, imports and owners' actions on contacts. Newest first; entries are never edited or removed.`}
      />
      <div className="space-y-4">
        <Suspense>
          <AuditFilters
            kinds={auditKinds}
            actors={actors}
            kind={filters.kind ?? ""}
            actor={filters.actor ?? ""}
          />
        </Suspense>
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-stone-600">
          <p data-testid="audit-count">
            {entries.length === 0
              ? "No entries"
              : `${entries.length} ${entries.length === 1 ? "entry" : "entries"}${
                  filters.before ? " before the ones you saw" : ", newest first"
                }`}
          </p>
          <p className="text-xs text-stone-500" data-testid="times-zone">
            Times in {zone}, the workspace&apos;s time zone.
          </p>
        </div>
        {entries.length === 0 ? (
          <div className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-10 text-center text-stone-600">
            {filtered || filters.before ? (
              <>
                <p>No entry matches these filters.</p>
                <Link href="/audit" className="mt-2 inline-block text-brand-700 underline">
                  Show every entry
                </Link>
              </>
            ) : (
              <p>
                Nothing has been changed yet. Each settings save (with what it changed and did to
                contacts), team invitation or role change, import, and owner&apos;s action on a
                contact (do-not-contact, a channel turned off) will appear here with who made it and
                when.
              </p>
            )}
          </div>
        ) : (
          <ol className="space-y-3" aria-label="Audit entries">
            {entries.map((entry) => (
              <AuditEntry key={entry.id} entry={entry} timeZone={zone} stageLabels={labels} />
            ))}
          </ol>
        )}
        <nav aria-label="Pagination" className="flex flex-wrap items-center justify-end gap-2">
          {filters.before && (
            <Link
              href={query({})}
              className="rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
            >
              Newest entries
            </Link>
          )}
          {rows.length > PAGE_SIZE && last && (
            <Link
              href={query({ before: last.at.toISOString(), beforeId: last.id })}
              className="rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
            >
              Older entries
            </Link>
          )}
        </nav>
      </div>
    </>
  );
}
