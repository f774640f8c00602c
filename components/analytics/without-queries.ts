import type { CaptureResult, Properties } from "posthog-js";

/**
 * A URL without its query string and fragment: the admin app's query strings carry what people
 * typed (a contact search can be a name, an email or a phone number), and paths hold only ids.
 * Anything that is not an absolute http(s) URL is returned as it is.
 */
export function withoutQuery(value: string): string {
  if (!/^https?:\/\//i.test(value)) return value;
  try {
    const url = new URL(value);
    return url.origin + url.pathname;
  } catch {
    return value;
  }
}

function cleaned(properties: Properties | undefined): Properties | undefined {
  if (!properties) return properties;
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      typeof value === "string" ? withoutQuery(value) : value,
    ]),
  );
}

/**
 * posthog-js's `before_send`: every URL an event carries (`$current_url`, `$referrer`, their
 * initial and person-property copies) loses its query string and fragment.
 */
export function withoutQueries(event: CaptureResult | null): CaptureResult | null {
  if (!event) return event;
  return {
    ...event,
    properties: cleaned(event.properties)!,
    $set: cleaned(event.$set),
    $set_once: cleaned(event.$set_once),
  };
}
