import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Your role cannot open this page</h1>
      <p className="mt-3 text-stone-600">Ask an owner of this workspace if you need access.</p>
      <Link href="/contacts" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to contacts
      </Link>
    </main>
  );
}
