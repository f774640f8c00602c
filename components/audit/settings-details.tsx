import { DataTable, Td } from "@/components/ui/data-table";

/** What a settings save stores (server/settings/save.ts), read defensively: old entries vary. */
type SettingsData = {
  version?: number;
  diff?: { setting: string; before: string; after: string }[];
  lateMilestones?: "skip" | "send";
  impact?: {
    late?: { contacts?: number; byStage?: Record<string, number> };
    canceled?: { deliveries?: number; contacts?: number };
  };
};

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * A settings save: the readable diff (setting, before, after) and what the change did to the
 * contacts at that moment — milestones it put in the past, skipped or sent, and the pending
 * deliveries of removed stages or channels it canceled.
 */
export function SettingsDetails({
  data,
  stageLabels,
}: {
  data: Record<string, unknown>;
  stageLabels: Record<string, string>;
}) {
  const { version, diff = [], lateMilestones, impact } = data as SettingsData;
  const late = impact?.late?.contacts ?? 0;
  const byStage = Object.entries(impact?.late?.byStage ?? {});
  const canceled = impact?.canceled?.deliveries ?? 0;
  return (
    <div className="space-y-3">
      {version !== undefined && <p className="text-stone-600">Settings version {version}.</p>}
      <DataTable
        caption={`Settings changed${version !== undefined ? ` in version ${version}` : ""}`}
        columns={[{ label: "Setting" }, { label: "Before" }, { label: "After" }]}
      >
        {diff.map((d) => (
          <tr key={d.setting} className="align-top">
            <Td className="font-medium">{d.setting}</Td>
            <Td className="break-words text-stone-600">{d.before}</Td>
            <Td className="break-words">{d.after}</Td>
          </tr>
        ))}
      </DataTable>
      <div>
        <h4 className="font-medium text-stone-800">What the change did</h4>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-stone-700">
          <li>
            {late === 0
              ? "It put no contact's milestone in the past."
              : `It put a milestone in the past for ${count(late, "contact", "contacts")}: ${
                  lateMilestones === "send"
                    ? "those were sent at once (the owner chose to send late milestones)"
                    : "those were skipped, not sent (the owner chose to skip late milestones)"
                }.`}
            {byStage.length > 0 && (
              <ul className="mt-1 list-[circle] pl-5">
                {byStage.map(([stage, n]) => (
                  <li key={stage}>
                    {stageLabels[stage] ?? stage.replaceAll("_", " ")}:{" "}
                    {count(n, "contact", "contacts")}
                  </li>
                ))}
              </ul>
            )}
          </li>
          <li>
            {canceled === 0
              ? "It canceled no pending delivery."
              : `It canceled ${count(canceled, "pending delivery", "pending deliveries")} of removed stages or channels, for ${count(impact?.canceled?.contacts ?? 0, "contact", "contacts")}.`}
          </li>
        </ul>
      </div>
    </div>
  );
}
