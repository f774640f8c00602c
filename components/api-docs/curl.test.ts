import { describe, expect, it } from "vitest";
import { curlCommand } from "./curl";

describe("curlCommand", () => {
  it("posts the example as JSON with the key from the environment", () => {
    expect(curlCommand("POST", "https://r.example/api/v1/contacts", { contacts: [{ a: 1 }] }))
      .toBe(`curl -s https://r.example/api/v1/contacts \\
  -H "Authorization: Bearer $REKINDLE_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
  "contacts": [
    {
      "a": 1
    }
  ]
}'`);
  });

  it("keeps a quote in the body inside the shell word", () => {
    expect(curlCommand("PUT", "https://r.example/x", { name: "O'Hara" })).toContain(
      `-X PUT https://r.example/x`,
    );
    expect(curlCommand("POST", "https://r.example/x", { name: "O'Hara" })).toContain(
      `"name": "O'\\''Hara"`,
    );
  });

  it("quotes a URL with a query", () => {
    expect(curlCommand("GET", "https://r.example/x?a=1&b=2", undefined)).toMatch(
      /^curl -s 'https:\/\/r\.example\/x\?a=1&b=2' \\/,
    );
  });

  it("sends no body on a GET", () => {
    expect(curlCommand("GET", "https://r.example/x", undefined)).toBe(
      `curl -s https://r.example/x \\\n  -H "Authorization: Bearer $REKINDLE_API_KEY"`,
    );
  });
});
