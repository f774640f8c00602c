import type { Mail } from "@/server/mail/mailer";

/** The magic-link email. `url` is next-auth's one-time callback link. */
export function signInMail(to: string, url: string): Mail {
  const host = new URL(url).host;
  return {
    to,
    subject: `Sign in to Rekindle (${host})`,
    text: `Sign in to Rekindle:\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.`,
    html: `<p>Sign in to Rekindle:</p><p><a href="${encodeURI(url)}">Sign in</a></p><p>The link works once and expires in 24 hours. If you did not ask for it, ignore this email.</p>`,
  };
}
