/**
 * SPEC §1.10: every message gives the contact a way to stop it. Web push and Zalo have neither an
 * unsubscribe header nor a STOP keyword, so they carry the preference center's link. The
 * placeholder rules require `{{preferences_link}}` there; a variant approved before that rule
 * still gets the line added when it is rendered.
 */
export const PREFERENCES_LABEL = "Message settings:";

/** The text with the preference center's link, on a line of its own unless `separator` says. */
export function withPreferencesLink(text: string, url: string, separator = "\n"): string {
  return text.includes(url) ? text : `${text.trimEnd()}${separator}${PREFERENCES_LABEL} ${url}`;
}
