import { pushSubscriptionsBatch } from "@/server/http/endpoints";
import type { registerPushSubscriptions } from "@/server/push/register";
import { batchAnswer, batchOperation } from "../batch-operation";
import { describing } from "../same-type";

type Answer = Awaited<ReturnType<typeof registerPushSubscriptions>>;

/** `POST /api/v1/push-subscriptions` (app/api/v1/push-subscriptions/route.ts). */
export function pushSubscriptionsOperation(now: Date) {
  return batchOperation(pushSubscriptionsBatch, now, {
    path: "/api/v1/push-subscriptions",
    operationId: "registerPushSubscriptions",
    summary: "Register browsers' web push subscriptions",
    description:
      "Stores a browser's `PushSubscription.toJSON()` for a contact and turns web push on for " +
      "them, in a workspace that sends web push. A subscription belongs to one contact of one " +
      "workspace; registered again for another contact (a shared device), it follows the newest.",
    answer: describing<Answer>()(batchAnswer({ stored: "Subscriptions stored." })),
    example: [
      {
        externalId: "learner-00042",
        subscription: {
          endpoint: "https://fcm.googleapis.com/fcm/send/dXo3bZ8kQk:APA91bH7x",
          keys: {
            p256dh:
              "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
            auth: "tBHItJI5svbpez7KI4CCXg",
          },
        },
      },
    ],
    refused: {
      externalId: "learner-00043",
      subscription: {
        endpoint: "https://localhost/push",
        keys: { p256dh: "too-short", auth: "tBHItJI5svbpez7KI4CCXg" },
      },
    },
    counts: (stored) => ({ stored }),
  });
}
