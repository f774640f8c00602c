import { z } from "zod";
import { line } from "@/server/lib/bounded";
import { endpointProblem } from "./public-address";

/** A browser's `PushSubscription.toJSON()`: the push service URL and the encryption keys. */
export const browserSubscription = z.object({
  /** The server posts to it: never to its own network (SSRF), whoever registers it. */
  endpoint: line(2_000)
    .check((ctx) => {
      const problem = endpointProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    })
    .meta({
      description:
        "The push service's URL: `https:` on a public host (loopback, private and reserved addresses and names such as `localhost` are refused, saying why).",
    }),
  keys: z
    .object({
      p256dh: z
        .string()
        .regex(/^[A-Za-z0-9_-]{80,100}$/, "must be a base64url P-256 public key")
        .meta({ description: "The browser's public key: messages are encrypted to it." }),
      auth: z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,32}$/, "must be a base64url authentication secret")
        .meta({ description: "The secret the encryption is authenticated with." }),
    })
    .meta({ description: "As the browser gives them." }),
});

/** `POST /api/v1/push-subscriptions`: a subscription for the contact with this external id. */
export const pushSubscriptionInput = z.strictObject({
  externalId: line(200).min(1).meta({ description: "The `externalId` of the contact." }),
  subscription: browserSubscription.meta({
    description: "The browser's `PushSubscription.toJSON()`. Storing one turns web push on.",
  }),
});
