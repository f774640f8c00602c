/**
 * A short label for a link in a message's text view: message links are `<app>/r/<id>` (tracked),
 * `/p/<id>` (preference center) and `/u/<id>` (unsubscribe), and their ids say nothing to a
 * reader. Any other URL keeps its host, so it is still clear where it goes.
 */
export function linkLabel(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const kind = /^\/([rpu])\/[0-9A-Za-z]+\/?$/.exec(parsed.pathname)?.[1];
  return kind ? labels[kind]! : parsed.host;
}

const labels: Record<string, string> = {
  r: "tracked link",
  p: "message settings",
  u: "unsubscribe",
};
