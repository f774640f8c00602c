import type { ReactNode } from "react";
import type { MessageContent } from "./types";

/** A rendered message as its recipient sees it: an inbox, a phone, a notification. */
export function MessageView({ message }: { message: MessageContent }) {
  switch (message.channel) {
    case "email":
      return <EmailView message={message} />;
    case "sms":
      return (
        <PhoneBubble app="Messages" text={message.text}>
          {message.segments} {message.segments === 1 ? "segment" : "segments"}
        </PhoneBubble>
      );
    case "zalo":
      return <PhoneBubble app="Zalo" text={message.text} />;
    case "web_push":
      return <PushCard message={message} />;
  }
}

function EmailView({ message }: { message: Extract<MessageContent, { channel: "email" }> }) {
  return (
    <div className="overflow-hidden rounded-md border border-stone-200 bg-white">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-b border-stone-200 bg-stone-50 px-3 py-2 text-xs">
        <dt className="text-stone-500">From</dt>
        <dd data-testid="preview-from" className="break-all text-stone-800">
          {message.from}
        </dd>
        {message.replyTo && (
          <>
            <dt className="text-stone-500">Reply to</dt>
            <dd className="break-all text-stone-800">{message.replyTo}</dd>
          </>
        )}
        <dt className="text-stone-500">Subject</dt>
        <dd data-testid="preview-subject" className="font-semibold text-stone-900">
          {message.subject}
        </dd>
      </dl>
      {/* No scripts, forms or navigation: the HTML is shown, never run. */}
      <iframe
        title="Email preview"
        sandbox=""
        srcDoc={message.html}
        className="h-[28rem] w-full bg-white"
      />
      <details className="border-t border-stone-200 px-3 py-2 text-xs">
        <summary className="cursor-pointer text-stone-600">Plain-text part</summary>
        <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-stone-800">
          {message.text}
        </pre>
      </details>
    </div>
  );
}

function PhoneBubble({ app, text, children }: { app: string; text: string; children?: ReactNode }) {
  return (
    <div className="mx-auto max-w-xs rounded-[2rem] border-4 border-stone-800 bg-stone-100 p-4">
      <p className="mb-3 text-center text-xs font-medium text-stone-500">{app}</p>
      <p
        data-testid="preview-bubble"
        className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm text-stone-900 shadow-sm"
      >
        {text}
      </p>
      {children && <p className="mt-2 text-xs text-stone-500">{children}</p>}
    </div>
  );
}

function PushCard({ message }: { message: Extract<MessageContent, { channel: "web_push" }> }) {
  return (
    <div
      data-testid="preview-notification"
      className="mx-auto flex max-w-sm gap-3 rounded-xl border border-stone-200 bg-white p-3 shadow-md"
    >
      {message.icon ? (
        // A remote icon of the marketer's choosing, shown as the browser would.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={message.icon} alt="" className="size-10 shrink-0 rounded" />
      ) : (
        <span aria-hidden className="size-10 shrink-0 rounded bg-brand-100" />
      )}
      <div className="min-w-0">
        <p className="font-semibold text-stone-900">{message.title}</p>
        <p className="break-words text-sm text-stone-700">{message.body}</p>
        <p className="mt-1 truncate text-xs text-stone-500">{message.url}</p>
      </div>
    </div>
  );
}
