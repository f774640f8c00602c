import type { ReactNode } from "react";

/** `className` hides a secondary column on small screens, e.g. "hidden sm:table-cell". */
export type Column = { label: string; srOnly?: boolean; className?: string };

/**
 * A bordered table with a caption for screen readers. When it is wider than the screen it scrolls
 * sideways inside its box, with a shadow on the side that has more: the box is focusable so the
 * keyboard can scroll it, and `relative` so visually hidden text in far cells stays inside it
 * instead of widening the page.
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: Column[];
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="scroll-shadows relative overflow-x-auto rounded-lg border border-stone-200"
    >
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-50 text-left text-xs font-semibold uppercase tracking-wide text-stone-500">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={`px-3 py-3 sm:px-4 ${c.className ?? ""}`}>
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`px-3 py-3 sm:px-4 ${className}`}>{children}</td>;
}
