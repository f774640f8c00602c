import { formatDateTime } from "@/components/format";

/** When the figures were last recomputed (every minute), or that they are being computed. */
export function Freshness({ refreshedAt, zone }: { refreshedAt: Date | null; zone: string }) {
  return (
    <p className="text-xs text-stone-500" data-testid="freshness">
      {refreshedAt
        ? `Figures as of ${formatDateTime(refreshedAt)}, recomputed every minute. Days are the workspace's (${zone}).`
        : "The figures are being computed for the first time: this takes up to a minute."}
    </p>
  );
}
