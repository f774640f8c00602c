import { z } from "zod";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Characters of a link id: 16 base-62 characters carry 16 × log2(62) ≈ 95 random bits (SPEC
 * §1.10 asks for at least 64), so guessing any live link of any workspace stays hopeless, while
 * the whole link (`https://app.example/r/` + 16) keeps an SMS within its segments.
 */
export const LINK_ID_LENGTH = 16;

/** The shape of an id where it enters (a URL or a form): anything else is simply not a link. */
export const linkIdSchema = z.string().regex(new RegExp(`^[0-9A-Za-z]{${LINK_ID_LENGTH}}$`));

/**
 * A new random link id. Bytes of 248 and above are drawn again so that each character is
 * uniform over the 62 (248 = 4 × 62): a plain `byte % 62` would favour the first eight.
 */
export function newLinkId(): string {
  let id = "";
  while (id.length < LINK_ID_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(LINK_ID_LENGTH * 2))) {
      if (byte < 248 && id.length < LINK_ID_LENGTH) id += ALPHABET[byte % 62];
    }
  }
  return id;
}

/** Length of a message link under `baseUrl` (`/r/`, `/p/` and `/u/` are equally long). */
export function linkLength(baseUrl: string): number {
  return `${baseUrl.replace(/\/$/, "")}/r/`.length + LINK_ID_LENGTH;
}
