"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { PostHog } from "posthog-js";
import { withoutQueries } from "./without-queries";

type Props = {
  apiKey: string;
  host: string;
  /** The signed-in user's id: PostHog's distinct id (no name, no email). */
  userId: string;
  /** The workspace's id: the `workspace` group, as on the server's events. */
  workspaceId: string;
};

/**
 * Admin page views in PostHog. The (app) layout mounts it only when POSTHOG_KEY is set, and
 * posthog-js is fetched only then. One `$pageview` per route, with the path only (paths hold
 * ids; query strings hold searches): no autocapture (pages show contacts' names and
 * addresses), no session recording, surveys, flags or scripts from PostHog, no cookies.
 */
export function PostHogPageviews({ apiKey, host, userId, workspaceId }: Props) {
  const pathname = usePathname();
  const [posthog, setPostHog] = useState<PostHog | null>(null);

  useEffect(() => {
    let mounted = true;
    void import("posthog-js").then(({ default: client }) => {
      if (!mounted) return;
      // One client per page load: a remount (or React's development double effect) reuses it.
      if (!client.__loaded)
        client.init(apiKey, {
          api_host: host,
          capture_pageview: false,
          capture_pageleave: false,
          autocapture: false,
          rageclick: false,
          capture_dead_clicks: false,
          capture_heatmaps: false,
          capture_exceptions: false,
          capture_performance: false,
          disable_session_recording: true,
          disable_surveys: true,
          disable_product_tours: true,
          disable_conversations: true,
          disable_web_experiments: true,
          disable_external_dependency_loading: true,
          advanced_disable_flags: true,
          save_referrer: false,
          persistence: "memory",
          bootstrap: { distinctID: userId, isIdentifiedID: true },
          before_send: withoutQueries,
        });
      client.group("workspace", workspaceId);
      setPostHog(client);
    });
    return () => {
      mounted = false;
    };
  }, [apiKey, host, userId, workspaceId]);

  useEffect(() => {
    posthog?.capture("$pageview");
  }, [posthog, pathname]);

  return null;
}
