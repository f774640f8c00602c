import type { VariantRow } from "@/server/metrics/dashboard-schema";
import { Section } from "./section";
import { TablePanel } from "./table-panel";
import { variantTable } from "./variant-table";

/** Each message variant against the others of its stage and channel. */
export function VariantsSection({
  variants,
  stageLabels,
  range,
}: {
  variants: VariantRow[];
  stageLabels: Record<string, string>;
  range: { from: string; to: string };
}) {
  return (
    <Section
      id="variants"
      title="Variants"
      description="Each variant competes with the others of its stage and channel; the verdict says what the numbers allow saying so far."
    >
      <TablePanel
        table={variantTable(variants, stageLabels)}
        range={range}
        empty="No variant was sent in this range."
      />
    </Section>
  );
}
