/** Channel names as people say them. */
export const channelNames: Record<string, string> = {
  email: "Email",
  sms: "SMS",
  web_push: "Web push",
  zalo: "Zalo",
};

/** "14 Aug 2025, 11:54", in `timeZone` (the viewer's when omitted). */
export function formatDateTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}
