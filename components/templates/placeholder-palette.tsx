import type { PaletteEntry } from "./types";

/** Placeholders as buttons: a click inserts `{{name}}` at the cursor of the field last used. */
export function PlaceholderPalette({
  entries,
  targetLabel,
  onInsert,
}: {
  entries: PaletteEntry[];
  targetLabel: string;
  onInsert: (name: string) => void;
}) {
  return (
    <section aria-labelledby="palette-heading" className="rounded-md bg-stone-50 p-3">
      <h3 id="palette-heading" className="text-xs font-semibold text-stone-700">
        Placeholders
      </h3>
      <p className="mt-0.5 text-xs text-stone-500">
        Click to insert at the cursor in <span className="font-medium">{targetLabel}</span>.
      </p>
      <ul className="mt-2 flex flex-wrap gap-1.5">
        {entries.map((p) => (
          <li key={p.name}>
            <button
              type="button"
              title={p.description}
              // Keeps the focus, and so the cursor, in the field being edited.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onInsert(p.name)}
              className="rounded border border-stone-300 bg-white px-1.5 py-0.5 font-mono text-xs text-stone-800 hover:border-brand-500 hover:text-brand-700"
            >
              {`{{${p.name}}}`}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
