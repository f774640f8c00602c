import { createDecipheriv, createECDH, hkdfSync, randomBytes, type ECDH } from "node:crypto";
import webpush from "web-push";
import { describe, expect, it } from "vitest";
import { failureOf, fakeServer, outgoing, type Reply } from "@/test/provider-server";
import { webPushProvider } from "./web-push";

const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:ops@acme.test" };
const key = { idempotencyKey: "delivery:d1:attempt:1" };

/** A browser's side of a subscription: a real P-256 key pair and auth secret. */
function browser(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  const publicKey = ecdh.generateKeys();
  const auth = randomBytes(16);
  const subscription = {
    endpoint,
    keys: { p256dh: publicKey.toString("base64url"), auth: auth.toString("base64url") },
  };
  return { ecdh, publicKey, auth, recipient: JSON.stringify(subscription) };
}

const message = (recipient: string) =>
  outgoing(
    {
      channel: "web_push",
      title: "We miss you",
      body: "Your streak is waiting",
      icon: "https://acme.test/icon.png",
      url: "https://acme.test/r/abc",
    },
    recipient,
  );

const provider = (timeoutMs = 2_000) =>
  webPushProvider({ vapid, timeoutMs, allowLocalEndpoints: true });

describe("webPushProvider", () => {
  it("posts the encrypted payload with VAPID auth, TTL and a topic", async () => {
    const server = await fakeServer(() => ({
      status: 201,
      body: "",
      headers: { location: "https://push.test/m/1" },
    }));
    const device = browser(`${server.url}/push/sub-1`);

    const result = await provider().send(message(device.recipient), key);

    expect(result).toEqual({ providerMessageId: "https://push.test/m/1" });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/push/sub-1" });
    expect(request?.headers).toMatchObject({ ttl: "86400", "content-encoding": "aes128gcm" });
    expect(request?.headers.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const [, token, publicKey] =
      /^vapid t=(.+), k=(.+)$/.exec(request?.headers.authorization ?? "") ?? [];
    expect(publicKey).toBe(vapid.publicKey);
    const claims = JSON.parse(Buffer.from(token?.split(".")[1] ?? "", "base64url").toString());
    expect(claims).toMatchObject({ aud: server.url, sub: "mailto:ops@acme.test" });
    expect(JSON.parse(decrypt(request!.body, device))).toEqual({
      title: "We miss you",
      body: "Your streak is waiting",
      icon: "https://acme.test/icon.png",
      url: "https://acme.test/r/abc",
      deliveryId: "delivery.1/a",
    });
  });

  it("gives every attempt of a delivery the same topic, so a repeat replaces an undelivered copy", async () => {
    const server = await fakeServer(() => ({ status: 201 }));
    const { recipient } = browser(`${server.url}/push`);
    await provider().send(message(recipient), key);
    await provider().send({ ...message(recipient), attempt: 2 }, { idempotencyKey: "other" });
    await provider().send({ ...message(recipient), deliveryId: "delivery-2" }, key);
    const [first, retry, other] = server.requests.map((request) => request.headers.topic);
    expect(retry).toBe(first);
    expect(other).not.toBe(first);
  });

  it.each([
    ["a removed subscription (404)", 404, "permanent", "subscription_gone"],
    ["an expired subscription (410)", 410, "permanent", "subscription_gone"],
    ["a payload too large", 413, "permanent", "rejected"],
    ["a VAPID key mismatch", 403, "transient", "auth"],
    ["a rate limit", 429, "transient", "rate_limited"],
    ["a server error", 500, "transient", "server_error"],
    ["an outage", 503, "transient", "server_error"],
  ] as const)("classifies %s", async (_name, status, kind, errorClass) => {
    const server = await fakeServer((): Reply => ({ status, body: "refused" }));
    const sending = provider().send(message(browser(`${server.url}/push`).recipient), key);
    expect(await failureOf(sending)).toMatchObject({ kind, errorClass });
  });

  it("gives up on a hanging push service as a transient timeout", async () => {
    const server = await fakeServer(() => "hang");
    const sending = provider(150).send(message(browser(`${server.url}/push`).recipient), key);
    expect(await failureOf(sending)).toMatchObject({ kind: "transient", errorClass: "timeout" });
  });

  const keys = JSON.parse(browser("https://push.test/x").recipient).keys;
  it.each([
    ["not JSON", "{nope"],
    ["no keys", JSON.stringify({ endpoint: "https://push.test/x" })],
    [
      "a short key",
      JSON.stringify({ endpoint: "https://push.test/x", keys: { ...keys, p256dh: "AAAA" } }),
    ],
    ["a non-web endpoint", JSON.stringify({ endpoint: "file:///etc/passwd", keys })],
  ])("refuses a subscription that is %s, permanently", async (_name, recipient) => {
    expect(await failureOf(provider().send(message(recipient), key))).toMatchObject({
      kind: "permanent",
      errorClass: "invalid_recipient",
    });
  });

  it("refuses plain-http endpoints unless allowed", async () => {
    const sending = webPushProvider({ vapid }).send(
      message(browser("http://10.0.0.1/p").recipient),
      key,
    );
    expect(await failureOf(sending)).toMatchObject({ errorClass: "invalid_recipient" });
  });

  it.each([
    ["the metadata service", "https://169.254.169.254/latest/meta-data"],
    ["a database port on loopback", "https://127.0.0.1:5432/x"],
    ["a private network", "https://10.0.0.1/push"],
    ["loopback as a decimal number", "https://2130706433/push"],
    ["IPv4-mapped IPv6 loopback", "https://[::ffff:127.0.0.1]/push"],
    ["IPv6 link-local", "https://[fe80::1]/push"],
    ["localhost", "https://localhost/push"],
    ["an .internal name", "https://metadata.google.internal/push"],
  ])("refuses an endpoint on %s at send time, permanently", async (_name, endpoint) => {
    const sending = webPushProvider({ vapid, timeoutMs: 500 }).send(
      message(browser(endpoint).recipient),
      key,
    );
    expect(await failureOf(sending)).toMatchObject({
      kind: "permanent",
      errorClass: "non_public_endpoint",
      message: expect.stringContaining("must be on a public host"),
    });
  });

  it("refuses a public-looking name that resolves inside the network, before any request", async () => {
    const resolve = async () => [
      { address: "142.250.74.42", family: 4 },
      { address: "10.1.2.3", family: 4 },
    ];
    const sending = webPushProvider({ vapid, resolve }).send(
      message(browser("https://fcm.googleapis.com/fcm/send/abc").recipient),
      key,
    );
    expect(await failureOf(sending)).toEqual({
      kind: "permanent",
      errorClass: "non_public_endpoint",
      message:
        "web-push: fcm.googleapis.com resolves to a non-public address: 10.1.2.3 is not public (private)",
    });
  });

  it("connects to the addresses it checked, resolving the name once", async () => {
    const server = await fakeServer(() => ({ status: 201 }));
    const port = new URL(server.url).port;
    const lookups: string[] = [];
    const resolve = async (hostname: string) => {
      lookups.push(hostname);
      return [{ address: "127.0.0.1", family: 4 }];
    };
    // `push.invalid` resolves nowhere else: the request can only arrive through the pinned address.
    const { recipient } = browser(`http://push.invalid:${port}/push/sub-1`);
    await webPushProvider({ vapid, allowLocalEndpoints: true, resolve }).send(
      message(recipient),
      key,
    );
    expect(lookups).toEqual(["push.invalid"]);
    expect(server.requests[0]).toMatchObject({
      path: "/push/sub-1",
      headers: { host: `push.invalid:${port}` },
    });
  });

  it("refuses bad VAPID keys at construction", () => {
    expect(() => webPushProvider({ vapid: { ...vapid, privateKey: "short" } })).toThrow();
  });
});

/** RFC 8291/8188 aes128gcm decryption, as the browser does it. */
function decrypt(body: Buffer, device: { ecdh: ECDH; publicKey: Buffer; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20] ?? 0;
  const serverKey = body.subarray(21, 21 + idLength);
  const cipherText = body.subarray(21 + idLength);
  const info = Buffer.concat([Buffer.from("WebPush: info\0"), device.publicKey, serverKey]);
  const secret = device.ecdh.computeSecret(serverKey);
  const ikm = Buffer.from(hkdfSync("sha256", secret, device.auth, info, 32));
  const derive = (label: string, length: number) =>
    Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from(`Content-Encoding: ${label}\0`), length));
  const decipher = createDecipheriv("aes-128-gcm", derive("aes128gcm", 16), derive("nonce", 12));
  decipher.setAuthTag(cipherText.subarray(-16));
  const plain = Buffer.concat([decipher.update(cipherText.subarray(0, -16)), decipher.final()]);
  // The last record ends with a 0x02 delimiter, then zero padding.
  return plain.subarray(0, plain.lastIndexOf(2)).toString();
}
