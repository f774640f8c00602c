import sanitizeHtml from "sanitize-html";

/**
 * The HTML a variant's email body may keep: text formatting, lists, links, images and simple
 * tables. Scripts, event handlers, styles that load resources and `javascript:` URLs go.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== "iframe"),
    "img",
    "span",
    "center",
  ],
  allowedAttributes: {
    a: ["href", "title", "target", "rel"],
    img: ["src", "alt", "width", "height"],
    "*": ["style", "align"],
  },
  allowedSchemes: ["https", "http", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowedStyles: {
    "*": {
      color: [/^#[0-9a-f]{3,8}$/i, /^[a-z]+$/i, /^rgb\([\d\s,.%]+\)$/i],
      "background-color": [/^#[0-9a-f]{3,8}$/i, /^[a-z]+$/i],
      "text-align": [/^(left|right|center|justify)$/],
      "font-size": [/^\d+(px|em|rem|%)$/],
      "font-weight": [/^(normal|bold|\d{3})$/],
      padding: [/^[\d\s.]+(px|em)?( [\d.]+(px|em)?)*$/],
      margin: [/^[\d\s.]+(px|em)?( [\d.]+(px|em)?)*$/],
    },
  },
};

export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, options);
}

/** Text for an HTML context. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
