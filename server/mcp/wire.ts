import { z } from "zod";
import { channel } from "@/db/schema/enums";

/*
 * Pieces the tools' output schemas share, as JSON carries them: instants as ISO strings, money as
 * minor units per currency.
 */

/** An instant in UTC, e.g. "2026-01-01T14:00:00.000Z". */
export const instant = z.iso.datetime();

/** A calendar day, e.g. "2026-01-31". */
export const isoDate = z.iso.date();

export const channelName = z.enum(channel.enumValues);

/** Amounts in minor units (cents, đồng) per currency code; currencies are never converted. */
export const money = z
  .record(z.string(), z.number())
  .describe('Minor units (cents, đồng) per currency code, e.g. {"USD": 32500}');
