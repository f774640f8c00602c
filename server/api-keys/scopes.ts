/**
 * What an integration API key may do. A key carries only the scopes it was given, so a leaked
 * activity-feed key cannot rewrite contacts, and an MCP key cannot post activity.
 */
export const apiKeyScopes = [
  "contacts",
  "activity",
  "exercises",
  "push_subscriptions",
  "activation",
  "mcp:read",
  "mcp:write",
] as const;

export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** What each scope opens, in the words the API keys page and the 403 answer use. */
export const scopeDescriptions: Record<ApiKeyScope, string> = {
  contacts: "POST /api/v1/contacts: upsert contacts",
  activity: "POST /api/v1/activity: post activity events",
  exercises: "POST /api/v1/exercises: import the exercise catalog",
  push_subscriptions: "POST /api/v1/push-subscriptions: register web push subscriptions",
  activation: "POST /api/tenants/activate-module: activate, pause, resume or deactivate",
  "mcp:read": "MCP tools that read: stats, contacts, timelines, approvals, cadence previews",
  "mcp:write": "MCP tools that change something: reviewing a template variant",
};

/** The scopes of keys made before scopes existed: the integration API they could already call. */
export const integrationScopes: ApiKeyScope[] = [
  "contacts",
  "activity",
  "exercises",
  "push_subscriptions",
];
