import type { Metadata } from "next";

export const metadata: Metadata = { title: "Link unavailable" };

const problems: Record<string, { title: string; text: string }> = {
  expired: {
    title: "This link has expired",
    text: "Links in our messages work for a limited time. Open a more recent message, or visit the website directly.",
  },
  gone: {
    title: "This message is no longer available",
    text: "The message this link came from has been removed. Visit the website directly.",
  },
  invalid: {
    title: "This link is not valid",
    text: "It may have been copied incompletely or changed. Open it again from the message you received.",
  },
};

/** Where a forged, altered or expired message link lands: it shows nothing about anyone. */
export default async function LinkProblem({ params }: { params: Promise<{ problem: string }> }) {
  const problem = problems[(await params).problem] ?? problems.invalid!;
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{problem.title}</h1>
      <p className="mt-3 text-stone-600">{problem.text}</p>
    </main>
  );
}
