/** The channels, without drizzle: a client form validates with the same list as the database. */
export const channelNames = ["email", "sms", "web_push", "zalo"] as const;
