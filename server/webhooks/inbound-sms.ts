const STOP = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const START = new Set(["START", "UNSTOP", "YES"]);

/**
 * SPEC §1.5: an SMS reply that is only an opt-out or opt-in keyword changes the contact's SMS
 * opt-in; a keyword inside a longer message is ordinary text.
 */
export function parseSmsKeyword(body: string): "stop" | "start" | null {
  const word = body.trim().toUpperCase();
  if (STOP.has(word)) return "stop";
  if (START.has(word)) return "start";
  return null;
}
