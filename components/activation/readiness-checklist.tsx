import { requirementName, WithCode } from "./requirement";
import type { ChecklistItemView } from "./types";

/**
 * Every requirement of activation as of the last check: met (✓ and why), or missing (✕, what is
 * wrong and how to provide it).
 */
export function ReadinessChecklist({
  items,
  checkedAt,
}: {
  items: ChecklistItemView[];
  checkedAt: string | null;
}) {
  const met = items.filter((i) => i.met).length;
  return (
    <section
      aria-labelledby="checklist-title"
      className="rounded-lg border border-stone-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="checklist-title" className="text-sm font-semibold text-stone-800">
          Readiness checklist
        </h2>
        <p className="text-xs text-stone-500" data-testid="checklist-summary">
          {met} of {items.length} met
          {checkedAt && <> · checked {checkedAt}, again every 5 s</>}
        </p>
      </div>
      <p className="mt-1 text-sm text-stone-600">
        What the module needs to plan and send. Fix an item and it turns green here.
      </p>
      <ul className="mt-4 divide-y divide-stone-100">
        {items.map((item) => (
          <li
            key={`${item.kind}:${item.item}`}
            data-testid="checklist-item"
            data-met={item.met}
            className="flex gap-3 py-3 first:pt-0 last:pb-0"
          >
            <span
              aria-hidden
              className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                item.met ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"
              }`}
            >
              {item.met ? "✓" : "✕"}
            </span>
            <div className="min-w-0 text-sm">
              <p className="font-medium text-stone-900">
                {requirementName(item)}
                <span className="sr-only">{item.met ? ": met" : ": missing"}</span>
              </p>
              <p className="text-stone-600">
                <WithCode text={item.reason} />
              </p>
              {!item.met && (
                <p className="mt-1 text-stone-800">
                  <span className="font-semibold">How to fix: </span>
                  <WithCode text={item.fix} />
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
