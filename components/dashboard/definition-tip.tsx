"use client";

import { Tooltip } from "@/components/ui/tooltip";

/** A small "i" button beside a term; hovering, focusing or tapping it shows the definition. */
export function DefinitionTip({ term, definition }: { term: string; definition: string }) {
  return (
    <Tooltip content={definition}>
      <button
        type="button"
        aria-label={`What is “${term}”?`}
        className="-m-1 inline-flex shrink-0 items-center justify-center rounded-full p-1 align-middle text-stone-400 hover:text-stone-700"
      >
        <svg viewBox="0 0 16 16" aria-hidden className="size-3.5" fill="currentColor">
          <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11ZM7.25 7h1.5v4.5h-1.5V7ZM8 4.25a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8Z" />
        </svg>
      </button>
    </Tooltip>
  );
}

/** A label followed by its definition tip. */
export function Defined({ label, definition }: { label: string; definition?: string }) {
  if (!definition) return <>{label}</>;
  return (
    <span className="inline-flex items-center gap-1.5">
      {label}
      <DefinitionTip term={label} definition={definition} />
    </span>
  );
}
