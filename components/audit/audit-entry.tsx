import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ContactDetails } from "./contact-details";
import { FieldList } from "./field-list";
import { SettingsDetails } from "./settings-details";
import { fieldRows, kindLabel } from "./words";

export type AuditRow = {
  id: string;
  kind: string;
  actor: string;
  summary: string;
  data: Record<string, unknown>;
  at: Date;
};

/**
 * One entry: what (its summary), who and when (in the workspace's zone), and its details on
 * demand — a native disclosure, so it opens with the keyboard and without JavaScript.
 */
export function AuditEntry({
  entry,
  timeZone,
  stageLabels,
}: {
  entry: AuditRow;
  timeZone: string;
  stageLabels: Record<string, string>;
}) {
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4" data-testid="audit-entry">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone="brand">{kindLabel(entry.kind)}</Badge>
        <p className="min-w-0 flex-1 break-words font-medium text-stone-900">{entry.summary}</p>
      </div>
      <p className="mt-1 text-sm text-stone-600">
        by <span className="break-all font-medium text-stone-800">{entry.actor}</span> ·{" "}
        <time dateTime={entry.at.toISOString()}>
          {formatDateTime(entry.at, timeZone)} ({timeZone})
        </time>
      </p>
      <details className="group mt-2 text-sm">
        <summary className="cursor-pointer select-none font-medium text-brand-700 underline decoration-brand-700/40 underline-offset-2">
          Details<span className="sr-only"> of “{entry.summary}”</span>
        </summary>
        <div className="mt-3">
          {entry.kind === "settings" ? (
            <SettingsDetails data={entry.data} stageLabels={stageLabels} />
          ) : entry.kind === "contact" ? (
            <ContactDetails data={entry.data} timeZone={timeZone} />
          ) : (
            <FieldList rows={fieldRows(entry.data, timeZone)} />
          )}
        </div>
      </details>
    </li>
  );
}
