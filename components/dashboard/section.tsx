import type { ReactNode } from "react";
import { DefinitionTip } from "./definition-tip";

/** A titled card of the dashboard; `actions` sit at the right of the title. */
export function Section({
  id,
  title,
  definition,
  description,
  actions,
  children,
  className = "",
}: {
  id: string;
  title: string;
  definition?: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`min-w-0 rounded-lg border border-stone-200 bg-white p-4 sm:p-5 ${className}`}
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h2 className="flex items-center gap-1.5 text-base font-semibold text-stone-900">
            <span id={`${id}-title`}>{title}</span>
            {definition && <DefinitionTip term={title} definition={definition} />}
          </h2>
          {description && <p className="mt-0.5 text-sm text-stone-600">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
