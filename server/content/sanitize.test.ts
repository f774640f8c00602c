import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, sanitizeEmailHtml } from "./sanitize";

describe("sanitizeEmailHtml — “Rendered HTML is sanitised” (SPEC §1.6)", () => {
  it.each([
    ["a script tag", "<p>Hi</p><script>alert(1)</script>", /<script|alert/i],
    [
      "a script tag in upper case",
      "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
      /script|evil/i,
    ],
    ["an onerror attribute on an img", '<img src=x onerror="alert(1)">', /onerror|alert/i],
    ["an onclick attribute", '<p onclick="alert(1)">c</p>', /onclick|alert/i],
    [
      "an onmouseover attribute on a link",
      '<a href="https://ok.example" onmouseover="alert(1)">a</a>',
      /onmouseover|alert/i,
    ],
    ["a javascript: href", '<a href="javascript:alert(1)">x</a>', /javascript|alert/i],
    ["a mixed-case javascript: href", '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript|alert/i],
    [
      "a javascript: href with leading space",
      '<a href=" javascript:alert(1)">x</a>',
      /javascript|alert/i,
    ],
    [
      "a javascript: href with an encoded tab",
      '<a href="java&#x09;script:alert(1)">x</a>',
      /script|alert/i,
    ],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', /iframe|evil/i],
    [
      "a style element with url()",
      "<style>body{background:url(https://evil.example/t)}</style>",
      /style|url\(|evil/i,
    ],
    [
      "a style attribute with background url()",
      '<div style="background:url(https://evil.example/t)">d</div>',
      /url\(|evil|background/i,
    ],
    [
      "a background-image url() next to an allowed style",
      '<span style="color:red;background-image:url(https://evil.example/t)">s</span>',
      /url\(|evil/i,
    ],
    [
      "a data: URL link",
      '<a href="data:text/html,<script>alert(1)</script>">d</a>',
      /data:|script|alert/i,
    ],
    ["a data: URL image", '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">', /data:/i],
    [
      "an SVG with a script",
      '<svg><script>alert(1)</script><circle onload="alert(2)"/></svg>',
      /svg|script|alert|onload/i,
    ],
    [
      "an object and embed",
      '<object data="https://evil.example/x"></object><embed src="https://evil.example/y">',
      /object|embed|evil/i,
    ],
    ["a form", '<form action="https://evil.example"><input name="p"></form>', /form|input|evil/i],
    [
      "a meta refresh",
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      /meta|evil/i,
    ],
    ["a base href", '<base href="https://evil.example/">', /base|evil/i],
    [
      "a link stylesheet",
      '<link rel="stylesheet" href="https://evil.example/s.css">',
      /link|evil/i,
    ],
  ])("neutralises %s", (_, hostile, forbidden) => {
    expect(sanitizeEmailHtml(hostile)).not.toMatch(forbidden);
  });

  it("neutralises a whole hostile template and keeps its harmless text", () => {
    const hostile = [
      "<p>Hello</p>",
      "<script>document.cookie</script>",
      '<img src=x onerror="fetch(1)">',
      '<a href="javascript:void(0)" onclick="steal()">Click</a>',
      '<iframe src="https://evil.example"></iframe>',
      "<style>@import url(https://evil.example/x.css)</style>",
      '<div style="background:url(https://evil.example/p.gif)">Body</div>',
      '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    ].join("");
    const clean = sanitizeEmailHtml(hostile);
    expect(clean).not.toMatch(/<script|<iframe|<style|<svg|\son\w+=|javascript:|url\(|evil/i);
    expect(clean).toContain("<p>Hello</p>");
    expect(clean).toContain("Click");
    expect(clean).toContain("Body");
  });

  it.each([
    ["a paragraph with strong and em", "<p>Hello <strong>Lan</strong>, <em>welcome</em></p>"],
    ["a list", "<ul><li>One</li><li>Two</li></ul>"],
    ["an https link", '<a href="https://lotus.example/book?x=1">Book</a>'],
    [
      "an https link with a title and target",
      '<a href="https://lotus.example" title="Lotus" target="_blank">Go</a>',
    ],
    [
      "an https image",
      '<img src="https://lotus.example/logo.png" alt="Lotus" width="120" height="40" />',
    ],
    ["a mailto link", '<a href="mailto:hi@lotus.example">Mail</a>'],
    ["a tel link", '<a href="tel:+84123456">Call</a>'],
    ["headings and breaks", "<h1>Title</h1><p>a<br />b</p>"],
    ["a simple table", "<table><tbody><tr><td>a</td></tr></tbody></table>"],
    ["allowed inline styles", '<p style="color:#333;text-align:center;font-size:14px">t</p>'],
    ["a placeholder link (filled after sanitising)", '<a href="{{cta_link}}">Come back</a>'],
  ])("keeps ordinary formatting: %s", (_, html) => {
    expect(sanitizeEmailHtml(html)).toBe(html);
  });

  it("escapes a bare ampersand in a link as HTML requires", () => {
    expect(sanitizeEmailHtml('<a href="https://x.example/?a=1&b=2">x</a>')).toBe(
      '<a href="https://x.example/?a=1&amp;b=2">x</a>',
    );
  });

  it("property: any mix of hostile and ordinary pieces comes out without scripts, handlers, javascript: or url()", () => {
    const piece = fc.constantFrom(
      "<p>",
      "</p>",
      "<script>",
      "</script>",
      '<a href="javascript:x">',
      '<a href="https://ok.example">',
      "</a>",
      '<img src=x onerror="y">',
      "<style>",
      "</style>",
      '<div style="background:url(z)">',
      "</div>",
      "text",
      " & ",
      "<",
      ">",
      '"',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const clean = sanitizeEmailHtml(pieces.join(""));
        expect(clean).not.toMatch(/<script|<style|javascript:|\sonerror=|url\(/i);
        // Not idempotent in general (the parser does not close <p> as browsers do), but a
        // second pass must stay as safe.
        expect(sanitizeEmailHtml(clean)).not.toMatch(
          /<script|<style|javascript:|\sonerror=|url\(/i,
        );
      }),
    );
  });
});

describe("escapeHtml — values in an HTML context", () => {
  it.each([
    ["&", "&amp;"],
    ["<", "&lt;"],
    [">", "&gt;"],
    ['"', "&quot;"],
    ["'", "&#39;"],
    [
      "<script>alert('x') & \"y\"</script>",
      "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;",
    ],
    ["&amp;", "&amp;amp;"],
    ["Lan Nguyễn", "Lan Nguyễn"],
  ])("%s → %s", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it("property: the result has no < > \" ' and no & that does not start an entity it made", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
      }),
    );
  });
});
