import type { ReactNode } from "react";

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-stone-200 bg-white p-8 shadow-sm">
        <p className="text-lg font-bold text-brand-600">Rekindle</p>
        <h1 className="mt-4 text-xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
