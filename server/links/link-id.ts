import { customAlphabet } from "nanoid";
import { z } from "zod";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A link id is its message's key followed by the link's own tag. The key, 11 base-62 characters,
 * carries 11 × log2(62) ≈ 65.5 random bits (SPEC §1.10 asks for at least 64), so guessing any
 * message's links stays hopeless; it names the message's one stored row, which keeps sending a
 * message to one insert however many links it carries. The tag, 5 more random characters
 * (~30 bits), picks the link within the message: holding one link of a message (a recommended
 * exercise shared with a friend, say) does not give its unsubscribe link.
 */
export const MESSAGE_KEY_LENGTH = 11;
export const LINK_TAG_LENGTH = 5;
/** The whole id: `https://app.example/r/` + 16 keeps an SMS within its segments. */
export const LINK_ID_LENGTH = MESSAGE_KEY_LENGTH + LINK_TAG_LENGTH;

/** The shape of an id where it enters (a URL or a form): anything else is simply not a link. */
export const linkIdSchema = z.string().regex(new RegExp(`^[0-9A-Za-z]{${LINK_ID_LENGTH}}$`));

// nanoid draws from a pool of random bytes (one call to the OS per few thousand ids: a call per
// id was 6% of a send batch's CPU) and rejects the bytes that would bias the alphabet.
export const newMessageKey = customAlphabet(ALPHABET, MESSAGE_KEY_LENGTH);
export const newLinkTag = customAlphabet(ALPHABET, LINK_TAG_LENGTH);

/** The message key and link tag of a well-formed id (see `linkIdSchema`). */
export function splitLinkId(id: string): { key: string; tag: string } {
  return { key: id.slice(0, MESSAGE_KEY_LENGTH), tag: id.slice(MESSAGE_KEY_LENGTH) };
}

/** Length of a message link under `baseUrl` (`/r/`, `/p/` and `/u/` are equally long). */
export function linkLength(baseUrl: string): number {
  return `${baseUrl.replace(/\/$/, "")}/r/`.length + LINK_ID_LENGTH;
}
