import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td } from "@/components/ui/data-table";
import { ctaLabel, statusLabels, statusTones } from "./status";
import type { Revision } from "./types";

// Each person with the time they acted, so the table fits the page at 1440 px, comment included.
const columns = [
  "Revision",
  "Status",
  "CTA kind",
  "Written",
  "Submitted",
  "Reviewed",
  "Comment",
].map((label) => ({ label }));

/** Every revision of the variant, newest first; approved text is never changed (SPEC §1.6). */
export function RevisionHistory({
  revisions,
  approvedRevisionId,
  timeZone,
}: {
  revisions: Revision[];
  approvedRevisionId: string | null;
  timeZone: string;
}) {
  const when = (d: Date | null) =>
    d ? <time dateTime={d.toISOString()}>{formatDateTime(d, timeZone)}</time> : "—";
  const byAt = (email: string | null, d: Date | null) =>
    email ? (
      <>
        <span className="block wrap-anywhere">{email}</span>
        <span className="block whitespace-nowrap text-xs text-stone-500">{when(d)}</span>
      </>
    ) : (
      "—"
    );
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="mb-3 text-lg font-semibold">
        History
      </h2>
      <p className="mb-2 text-xs text-stone-500">Times in {timeZone}.</p>
      <DataTable caption="Revisions of this variant" columns={columns}>
        {revisions.map((r) => (
          <tr key={r.id}>
            <Td className="font-medium whitespace-nowrap">
              r{r.number}
              {r.id === approvedRevisionId && (
                <span className="ml-2">
                  <Badge tone="good">in use</Badge>
                </span>
              )}
            </Td>
            <Td>
              <Badge tone={statusTones[r.status]}>{statusLabels[r.status]}</Badge>
            </Td>
            <Td>{ctaLabel(r.ctaKind)}</Td>
            <Td>{byAt(r.authorEmail, r.createdAt)}</Td>
            <Td className="whitespace-nowrap">{when(r.submittedAt)}</Td>
            <Td>{byAt(r.reviewerEmail, r.reviewedAt)}</Td>
            <Td className="max-w-xs whitespace-pre-line">{r.reviewComment ?? "—"}</Td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
