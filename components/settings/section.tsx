import type { ReactNode } from "react";

/** A card of the Settings form, titled, with a sentence on what its settings do. */
export function Section({
  title,
  description,
  children,
  wide = false,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Spans both columns of the form on wide screens. */
  wide?: boolean;
}) {
  return (
    <section
      className={`rounded-lg border border-stone-200 bg-white p-5 ${wide ? "lg:col-span-2" : ""}`}
      aria-label={title}
    >
      <h2 className="text-sm font-semibold text-stone-800">{title}</h2>
      {description ? <p className="mt-1 text-sm text-stone-600">{description}</p> : null}
      <div className="mt-4 grid gap-4">{children}</div>
    </section>
  );
}
