import type { Db } from "@/db/client";
import type { Channel } from "@/db/schema/enums";
import type { Env } from "@/server/env";
import { outboxProvider } from "./outbox-provider";
import type { ChannelProvider } from "./provider";
import { resendEmailProvider, type ResendEmailOptions } from "./resend-email";
import { twilioSmsProvider, type TwilioSmsOptions } from "./twilio-sms";
import { webPushProvider, type WebPushOptions } from "./web-push";
import { zaloProvider, type ZaloOptions } from "./zalo";

type ProviderKey =
  | "RESEND_API_KEY"
  | "RESEND_BASE_URL"
  | "TWILIO_ACCOUNT_SID"
  | "TWILIO_AUTH_TOKEN"
  | "TWILIO_FROM"
  | "TWILIO_MESSAGING_SERVICE_SID"
  | "TWILIO_STATUS_CALLBACK_URL"
  | "TWILIO_BASE_URL"
  | "VAPID_PUBLIC_KEY"
  | "VAPID_PRIVATE_KEY"
  | "VAPID_SUBJECT"
  | "ZALO_OA_ACCESS_TOKEN"
  | "ZALO_BASE_URL";

export type ProviderEnv = Pick<Env, ProviderKey>;

export type Driver = "outbox" | "resend" | "twilio" | "web-push" | "zalo";

/** Which driver sends each channel, for the settings page (SPEC §2 "Providers"). */
export function channelDrivers(env: ProviderEnv): Record<Channel, Driver> {
  return {
    email: resendOptions(env) ? "resend" : "outbox",
    sms: twilioOptions(env) ? "twilio" : "outbox",
    web_push: webPushOptions(env) ? "web-push" : "outbox",
    zalo: zaloOptions(env) ? "zalo" : "outbox",
  };
}

/** One provider for every channel: the real adapter where its keys are set, the Outbox elsewhere. */
export function providerFromEnv(db: Db, env: ProviderEnv): ChannelProvider {
  const outbox = outboxProvider(db);
  const real = <T>(options: T | null, create: (options: T) => ChannelProvider) =>
    options ? create(options) : outbox;
  const byChannel: Record<Channel, ChannelProvider> = {
    email: real(resendOptions(env), resendEmailProvider),
    sms: real(twilioOptions(env), twilioSmsProvider),
    web_push: real(webPushOptions(env), webPushProvider),
    zalo: real(zaloOptions(env), zaloProvider),
  };
  return { send: (message, options) => byChannel[message.channel].send(message, options) };
}

function resendOptions(env: ProviderEnv): ResendEmailOptions | null {
  const set = allOrNone(env, ["RESEND_API_KEY"]);
  return set && { apiKey: set.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL };
}

function twilioOptions(env: ProviderEnv): TwilioSmsOptions | null {
  const set = allOrNone(env, ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"]);
  if (!set) return null;
  const common = {
    accountSid: set.TWILIO_ACCOUNT_SID,
    authToken: set.TWILIO_AUTH_TOKEN,
    statusCallbackUrl: env.TWILIO_STATUS_CALLBACK_URL,
    baseUrl: env.TWILIO_BASE_URL,
  };
  if (env.TWILIO_MESSAGING_SERVICE_SID) {
    return { ...common, messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID };
  }
  if (env.TWILIO_FROM) return { ...common, from: env.TWILIO_FROM };
  throw new Error(
    "Twilio is configured without a sender: set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID",
  );
}

function webPushOptions(env: ProviderEnv): WebPushOptions | null {
  const set = allOrNone(env, ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"]);
  if (!set) return null;
  const {
    VAPID_PUBLIC_KEY: publicKey,
    VAPID_PRIVATE_KEY: privateKey,
    VAPID_SUBJECT: subject,
  } = set;
  return { vapid: { publicKey, privateKey, subject } };
}

function zaloOptions(env: ProviderEnv): ZaloOptions | null {
  const set = allOrNone(env, ["ZALO_OA_ACCESS_TOKEN"]);
  return set && { accessToken: set.ZALO_OA_ACCESS_TOKEN, baseUrl: env.ZALO_BASE_URL };
}

/**
 * A provider's keys, or null when none is set. Some but not all is a mistake worth stopping for:
 * falling back to the Outbox would silently not send that channel.
 */
function allOrNone<K extends ProviderKey>(
  env: ProviderEnv,
  keys: readonly K[],
): Record<K, string> | null {
  const missing = keys.filter((key) => !env[key]);
  if (missing.length === keys.length) return null;
  if (missing.length > 0) {
    throw new Error(`Set ${missing.join(", ")} too, or unset ${keys.join(", ")}`);
  }
  return Object.fromEntries(keys.map((key) => [key, env[key]])) as Record<K, string>;
}
