import { describe, expect, it } from "vitest";
import { twilioSignature, verifyTwilioSignature } from "./twilio-signature";

// The worked example of Twilio's request-validation docs and libraries.
const authToken = "12345";
const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
const params = {
  CallSid: "CA1234567890ABCDE",
  Caller: "+14158675309",
  Digits: "1234",
  From: "+14158675309",
  To: "+18005551212",
};
const signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

describe("twilioSignature", () => {
  it("reproduces Twilio's documented signature", () => {
    expect(twilioSignature(authToken, url, params)).toBe(signature);
  });

  it("sorts repeated parameters by value, like Twilio's libraries", () => {
    const repeated = new URLSearchParams([
      ["Sid", "CA123"],
      ["SidAccount", "AC123"],
      ["Digits", "5678"],
      ["Digits", "1234"],
      ["Digits", "1234"],
    ]);
    expect(twilioSignature(authToken, url, repeated)).toBe("IK+Dwps556ElfBT0I3Rgjkr1wJU=");
  });
});

describe("verifyTwilioSignature", () => {
  it("accepts a valid signature, from a record or a parsed form body", () => {
    expect(verifyTwilioSignature({ authToken, url, params, signature })).toBe(true);
    const form = new URLSearchParams(new URLSearchParams(params).toString());
    expect(verifyTwilioSignature({ authToken, url, params: form, signature })).toBe(true);
  });

  it.each([
    ["an altered parameter", { params: { ...params, Digits: "9999" } }],
    ["an added parameter", { params: { ...params, Body: "STOP" } }],
    ["another URL", { url: `${url}&x=1` }],
    ["another auth token", { authToken: "54321" }],
    ["a forged signature", { signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" }],
    ["a signature of another length", { signature: "short" }],
    ["no signature", { signature: null }],
  ])("refuses %s", (_name, change) => {
    expect(verifyTwilioSignature({ authToken, url, params, signature, ...change })).toBe(false);
  });
});
