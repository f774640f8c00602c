import { describe, expect, it } from "vitest";
import { parseSmsKeyword } from "./inbound-sms";

describe("parseSmsKeyword", () => {
  it.each([
    ["STOP", "stop"],
    ["stop", "stop"],
    ["  Stop \n", "stop"],
    ["STOPALL", "stop"],
    ["unsubscribe", "stop"],
    ["CANCEL", "stop"],
    ["End", "stop"],
    ["quit", "stop"],
    ["START", "start"],
    ["unstop", "start"],
    ["Yes", "start"],
    ["please stop", null],
    ["STOP now", null],
    ["stopp", null],
    ["", null],
    ["Thanks!", null],
  ] as const)("reads %j as %s", (body, keyword) => {
    expect(parseSmsKeyword(body)).toBe(keyword);
  });
});
