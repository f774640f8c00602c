"use client";

import { MAX_SMS_SEGMENTS, smsAsSent, smsSegments } from "@/server/content/sms";

/**
 * Live length of an SMS as it will be sent: links at their real length (`linkLength`) and the
 * opt-out line included; other placeholders change it when filled in.
 */
export function SmsCounter({
  id,
  text,
  linkLength,
}: {
  id: string;
  text: string;
  linkLength: number;
}) {
  const { characters, segments, encoding } = smsSegments(smsAsSent(text, linkLength));
  const tooLong = segments > MAX_SMS_SEGMENTS;
  return (
    <p
      id={id}
      data-testid="sms-count"
      aria-live="polite"
      className={`mt-1 text-xs ${tooLong ? "font-medium text-red-700" : "text-stone-500"}`}
    >
      {characters} characters · {segments} {segments === 1 ? "segment" : "segments"} ({encoding})
      {tooLong && ` — more than ${MAX_SMS_SEGMENTS} segments cannot be saved or sent`}. Links are
      counted at their sent length ({linkLength} characters) with the opt-out line; other
      placeholders as written. The preview shows the filled-in message.
    </p>
  );
}
