/** A shell word in single quotes: a `'` inside closes, escapes and reopens them. */
const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The curl call of an operation with its example body, reading the key from the environment. */
export function curlCommand(method: string, url: string, body: unknown): string {
  // curl GETs, or POSTs what `-d` sends, by itself.
  const implied = body === undefined ? method === "GET" : method === "POST";
  // A query's `?` and `&` would be read by the shell.
  const shownUrl = /^[\w:/.-]+$/.test(url) ? url : quoted(url);
  const lines = [
    `curl -s${implied ? "" : ` -X ${method}`} ${shownUrl}`,
    `  -H "Authorization: Bearer $REKINDLE_API_KEY"`,
  ];
  if (body !== undefined) {
    lines.push(
      `  -H "Content-Type: application/json"`,
      `  -d ${quoted(JSON.stringify(body, null, 2))}`,
    );
  }
  return lines.join(" \\\n");
}
