import { describe, expect, it } from "vitest";
import { addressProblem, endpointProblem } from "./public-address";

describe("endpointProblem", () => {
  it.each([
    ["https://fcm.googleapis.com/fcm/send/abc"],
    ["https://updates.push.services.mozilla.com/wpush/v2/gAAAA"],
    ["https://web.push.apple.com/QGx"],
    ["https://8.8.8.8/push"],
    ["https://[2606:4700:4700::1111]/push"],
  ])("accepts %s", (endpoint) => {
    expect(endpointProblem(endpoint)).toBeNull();
  });

  it("refuses anything but an https URL", () => {
    expect(endpointProblem("http://fcm.googleapis.com/x")).toBe("must be an https URL");
    expect(endpointProblem("wss://fcm.googleapis.com/x")).toBe("must be an https URL");
    expect(endpointProblem("not a url")).toBe("must be a URL");
  });

  it.each([
    ["https://169.254.169.254/latest", "169.254.169.254 is not public (link-local)"],
    ["https://127.0.0.1:5432/x", "127.0.0.1 is not public (loopback)"],
    ["https://10.0.0.1/", "10.0.0.1 is not public (private)"],
    ["https://172.16.5.4/", "172.16.5.4 is not public (private)"],
    ["https://192.168.1.1/", "192.168.1.1 is not public (private)"],
    ["https://100.64.0.1/", "100.64.0.1 is not public (carrier-grade NAT)"],
    ["https://0.0.0.0/", "0.0.0.0 is not public (unspecified)"],
    ["https://224.0.0.1/", "224.0.0.1 is not public (multicast)"],
    ["https://255.255.255.255/", "255.255.255.255 is not public (broadcast)"],
    ["https://192.0.2.10/", "192.0.2.10 is not public (reserved or documentation)"],
    ["https://198.51.100.7/", "198.51.100.7 is not public (reserved or documentation)"],
    ["https://203.0.113.9/", "203.0.113.9 is not public (reserved or documentation)"],
    ["https://240.0.0.1/", "240.0.0.1 is not public (reserved or documentation)"],
    // URL parsing normalises these to 127.0.0.1 before the check sees them.
    ["https://2130706433/", "127.0.0.1 is not public (loopback)"],
    ["https://0x7f000001/", "127.0.0.1 is not public (loopback)"],
    ["https://0177.0.0.1/", "127.0.0.1 is not public (loopback)"],
    ["https://127.1/", "127.0.0.1 is not public (loopback)"],
    ["https://[::1]/", "::1 is not public (loopback)"],
    ["https://[::]/", ":: is not public (unspecified)"],
    ["https://[fe80::1]/", "fe80::1 is not public (link-local)"],
    ["https://[fd12:3456::1]/", "fd12:3456::1 is not public (unique local)"],
    ["https://[ff02::1]/", "ff02::1 is not public (multicast)"],
    ["https://[2001:db8::1]/", "2001:db8::1 is not public (reserved or documentation)"],
    ["https://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is not public (IPv4-mapped)"],
    ["https://[::ffff:169.254.169.254]/", "::ffff:a9fe:a9fe is not public (IPv4-mapped)"],
    ["https://[64:ff9b::a00:1]/", "64:ff9b::a00:1 is not public (NAT64, carries an IPv4 address)"],
    ["https://[2002:7f00:1::]/", "2002:7f00:1:: is not public (6to4, carries an IPv4 address)"],
    ["https://[4000::1]/", "4000::1 is not public (unassigned)"],
    ["https://localhost/", "localhost is not a public host name"],
    ["https://LOCALHOST./", "localhost is not a public host name"],
    ["https://metadata/", "metadata is not a public host name"],
    ["https://api.localhost/", ".localhost names are not public"],
    ["https://printer.local/", ".local names are not public"],
    ["https://metadata.google.internal/", ".internal names are not public"],
    ["https://nas.home.arpa/", ".home.arpa names are not public"],
    ["https://push.example/", ".example names are not public"],
  ])("refuses %s", (endpoint, why) => {
    const problem = endpointProblem(endpoint);
    expect(problem).toBe(
      problem?.startsWith("must be on") ? `must be on a public host: ${why}` : why,
    );
  });
});

describe("addressProblem (resolved addresses)", () => {
  it("accepts public IPv4 and IPv6 unicast", () => {
    expect(addressProblem("142.250.74.42")).toBeNull();
    expect(addressProblem("2a00:1450:4001:82b::200a")).toBeNull();
  });

  it("refuses IPv4-mapped IPv6 of any address, public or not", () => {
    expect(addressProblem("::ffff:10.0.0.1")).toBe("::ffff:10.0.0.1 is not public (IPv4-mapped)");
    expect(addressProblem("::ffff:8.8.8.8")).toBe("::ffff:8.8.8.8 is not public (IPv4-mapped)");
  });

  it("refuses a scoped link-local address and anything that is not an address", () => {
    expect(addressProblem("fe80::1%eth0")).toBe("fe80::1%eth0 is not public (link-local)");
    expect(addressProblem("push.example.com")).toBe("push.example.com is not an IP address");
  });
});
