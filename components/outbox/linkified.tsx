import { linkLabel } from "./link-label";

/**
 * Text with its URLs as links that open in a new tab (messages' links are tracked ones), each
 * shown by a short label; the URL itself stays in the link and its tooltip.
 */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a
            key={i}
            href={part}
            title={part}
            target="_blank"
            rel="noreferrer"
            className="text-brand-700 underline"
          >
            {linkLabel(part)}
            <span aria-hidden="true"> ↗</span>
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
