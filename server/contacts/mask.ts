/*
 * Addresses as the contact's page shows them: enough to recognise one ("is it her work address?"),
 * not enough to copy it. The page never receives the full address.
 */

/** "maria@mail.example" → "m***@mail.example". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * The length of an E.164 number's country calling code, from its first digits (ITU-T E.164
 * assignments): 1 (North America) and 7 are one digit; zones 2–9 mix two- and three-digit codes.
 */
function callingCodeLength(digits: string): number {
  const [a, b] = [digits[0], digits[1]];
  if (a === "1" || a === "7") return 1;
  const twoDigit: Record<string, string> = {
    "2": "07",
    "3": "0123469",
    "4": "013456789",
    "5": "12345678",
    "6": "0123456",
    "8": "1246",
    "9": "0123458",
  };
  return b !== undefined && twoDigit[a ?? ""]?.includes(b) ? 2 : 3;
}

/** "+13125550100" → "+1 ••• ••• 0100": the country code and the last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 6) return "•••";
  const code = digits.slice(0, callingCodeLength(digits));
  const hidden = digits.length - code.length - 4;
  const groups = Array.from({ length: Math.ceil(hidden / 3) }, (_, i) =>
    "•".repeat(Math.min(3, hidden - i * 3)),
  );
  return [`+${code}`, ...groups, digits.slice(-4)].join(" ");
}

/** A messaging app's user id: "8400000042" → "84•••42". */
export function maskId(id: string): string {
  if (id.length <= 4) return "•••";
  return `${id.slice(0, 2)}•••${id.slice(-2)}`;
}
