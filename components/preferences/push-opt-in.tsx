"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The VAPID public key as the bytes `pushManager.subscribe` expects. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4))
    .replaceAll("-", "+")
    .replaceAll("_", "/");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Lets the contact receive reminders as notifications in this browser. */
export function PushOptIn({ link, publicKey }: { link: string; publicKey: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  async function subscribe() {
    if (!("serviceWorker" in navigator) || !("PushManager" in window))
      return setStatus("This browser cannot show notifications.");
    if ((await Notification.requestPermission()) !== "granted")
      return setStatus("Notifications are blocked for this site in your browser's settings.");
    const registration = await navigator.serviceWorker.register("/sw.js");
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    });
    const answer = await fetch("/api/push/subscribe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ link, subscription: subscription.toJSON() }),
    });
    setStatus(
      answer.ok ? "Notifications are on in this browser." : "That did not work. Try again.",
    );
    router.refresh();
  }
  return (
    <div className="flex items-center justify-between gap-4 p-4">
      <div>
        <p className="font-medium">Browser notifications</p>
        <p className="text-sm text-stone-500" role="status">
          {status ?? "Get reminders as notifications in this browser."}
        </p>
      </div>
      <Button type="button" onClick={() => void subscribe()}>
        Notify me here
      </Button>
    </div>
  );
}
