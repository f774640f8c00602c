"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";

export function EmailSignIn() {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email)) {
      setError("Enter an email address such as you@company.com.");
      return;
    }
    setError(null);
    setPending(true);
    try {
      // On success the browser leaves for the "check your email" page.
      await signIn("email", { email, callbackUrl: "/" });
    } catch {
      setError("The sign-in link could not be requested. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    // submit reports its own failures in the form: nothing is left to await.
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <Field label="Work email" id="email" error={error}>
        {(control) => (
          <Input
            {...control}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" disabled={!hydrated || pending} className="w-full">
        {pending ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
