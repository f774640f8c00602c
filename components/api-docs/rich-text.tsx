/** Text with `code` in backticks, as the document's descriptions write it. */
export function Inline({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, i) =>
    part.length > 2 && part.startsWith("`") && part.endsWith("`") ? (
      <code
        key={i}
        className="rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.85em] text-stone-800"
      >
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}

/** A description: paragraphs apart where the text has a blank line. */
export function RichText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`space-y-2 ${className}`}>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>
          <Inline text={paragraph} />
        </p>
      ))}
    </div>
  );
}
