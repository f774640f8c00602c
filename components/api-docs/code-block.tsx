/** Code to read or copy: scrolls sideways in its box (focusable, so the keyboard can scroll it). */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <pre
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-lg bg-stone-900 p-4 font-mono text-xs leading-relaxed text-stone-100"
    >
      <code>{code}</code>
    </pre>
  );
}
