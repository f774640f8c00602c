// Rekindle's service worker: shows a reminder pushed through the Web Push protocol and opens its
// tracked link when the notification is clicked.
self.addEventListener("push", (event) => {
  const data = event.data ? event.data.json() : {};
  event.waitUntil(
    self.registration.showNotification(data.title || "Reminder", {
      body: data.body || "",
      icon: data.icon || undefined,
      tag: data.deliveryId,
      data: { url: data.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  if (event.notification.data && event.notification.data.url)
    event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
