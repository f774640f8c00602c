"use client";

import { MAX_SMS_SEGMENTS, smsSegments } from "@/server/content/sms";

/** Live length of an SMS as written; placeholders and the opt-out line change it when sent. */
export function SmsCounter({ id, text }: { id: string; text: string }) {
  const { characters, segments, encoding } = smsSegments(text);
  const tooLong = segments > MAX_SMS_SEGMENTS;
  return (
    <p
      id={id}
      data-testid="sms-count"
      aria-live="polite"
      className={`mt-1 text-xs ${tooLong ? "font-medium text-red-700" : "text-stone-500"}`}
    >
      {characters} characters · {segments} {segments === 1 ? "segment" : "segments"} ({encoding})
      {tooLong && ` — more than ${MAX_SMS_SEGMENTS} segments is refused at send time`}. Placeholders
      are counted as written; the preview shows the filled-in message.
    </p>
  );
}
