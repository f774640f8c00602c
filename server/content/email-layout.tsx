import {
  Body,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { render } from "@react-email/render";

// The layout is rendered once with markers, then each message fills them in: rendering React per
// message would cost milliseconds, and a simulated year sends hundreds of thousands of messages.
const marker = (name: string) => `REKINDLE_SLOT_${name}_7F3A`;
const slots = [
  "PREVIEW",
  "LOGO",
  "BODY",
  "SENDER",
  "ADDRESS",
  "UNSUBSCRIBE",
  "PREFERENCES",
] as const;
type Slot = (typeof slots)[number];

function ReminderEmail() {
  return (
    <Html>
      <Head />
      <Preview>{marker("PREVIEW")}</Preview>
      <Body style={{ backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Section>
            <div dangerouslySetInnerHTML={{ __html: marker("LOGO") }} />
            <div dangerouslySetInnerHTML={{ __html: marker("BODY") }} />
          </Section>
          <Hr />
          <Text style={{ color: "#6b7280", fontSize: "12px", lineHeight: "18px" }}>
            {marker("SENDER")} · {marker("ADDRESS")}
            <br />
            <Link href={marker("UNSUBSCRIBE")} style={{ color: "#6b7280" }}>
              Unsubscribe from these emails
            </Link>
            {" · "}
            <Link href={marker("PREFERENCES")} style={{ color: "#6b7280" }}>
              Choose how we reach you
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

let layout: Promise<string> | null = null;

/** The reminder email: `slots` are HTML-safe already (the body sanitised, the rest escaped). */
export async function emailHtml(values: Record<Slot, string>): Promise<string> {
  layout ??= render(<ReminderEmail />);
  let html = await layout;
  for (const slot of slots) html = html.replaceAll(marker(slot), () => values[slot]);
  return html;
}
