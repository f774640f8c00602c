"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { ColumnMapping, ImportTarget } from "@/server/imports/fields";
import { streamRows } from "@/server/imports/read-csv";
import type { ImportRow } from "@/server/imports/records";
import type { ReportedError } from "@/server/imports/error-report";

export type RunStatus = "running" | "canceling" | "completed" | "canceled" | "failed";

export type RunState = {
  status: RunStatus;
  fileName: string;
  target: ImportTarget;
  total: number;
  /** Rows the server answered for. */
  done: number;
  created: number;
  updated: number;
  rejected: number;
  /** Why the import stopped, when it failed. */
  failure?: string;
};

const ATTEMPTS = 3;

/** A lost connection or a server error is worth another try; a refusal (4xx) is not. */
function retryable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return status === undefined || status >= 500;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one import: streams the file's rows to the server a batch at a time (the next batch is
 * read only once the last is answered), keeps the counts the page shows, and ends it on the
 * server (its audit entry) however it ends. The error list lives in a ref: a file of bad rows
 * would otherwise be copied into state at every batch.
 */
export function useImportRun() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(trpc.imports.start.mutationOptions());
  const batch = useMutation(trpc.imports.batch.mutationOptions());
  const finish = useMutation(trpc.imports.finish.mutationOptions());
  const [state, setState] = useState<RunState | null>(null);
  const errors = useRef<ReportedError[]>([]);
  const abort = useRef<AbortController | null>(null);
  const running = state?.status === "running" || state?.status === "canceling";

  // Leaving the page stops sending; the browser asks first.
  useEffect(() => {
    if (!running) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [running]);

  const run = useCallback(
    async (input: { file: File; target: ImportTarget; mapping: ColumnMapping; total: number }) => {
      const { file, target, mapping, total } = input;
      const fileName = file.name.slice(0, 255) || "import.csv";
      errors.current = [];
      abort.current = new AbortController();
      const signal = abort.current.signal;
      setState({
        status: "running",
        fileName,
        target,
        total,
        done: 0,
        created: 0,
        updated: 0,
        rejected: 0,
      });
      let receipt: string | null = null;
      let status: RunStatus = "completed";
      let failure: string | undefined;
      try {
        receipt = (await start.mutateAsync({ target, fileName })).receipt;
        const send = async (rows: ImportRow[]) => {
          for (let attempt = 1; ; attempt++) {
            try {
              return await batch.mutateAsync({ receipt: receipt!, rows });
            } catch (error) {
              if (attempt >= ATTEMPTS || !retryable(error)) throw error;
              await pause(1_000 * attempt);
            }
          }
        };
        await streamRows(
          file,
          mapping,
          async (rows) => {
            const answer = await send(rows);
            receipt = answer.receipt;
            errors.current.push(...answer.errors);
            setState(
              (s) =>
                s && {
                  ...s,
                  done: s.done + answer.rows,
                  created: s.created + answer.created,
                  updated: s.updated + answer.updated,
                  rejected: s.rejected + answer.rejected,
                },
            );
          },
          { signal },
        );
        if (signal.aborted) status = "canceled";
      } catch (error) {
        status = "failed";
        failure = error instanceof Error ? error.message : String(error);
      }
      if (receipt) {
        await finish.mutateAsync({ receipt, status }).catch(() => {
          // The rows are stored; only the audit entry is missing. Said in the summary.
          failure ??= "The import's end could not be recorded in the audit log.";
        });
      }
      await queryClient.invalidateQueries(trpc.contacts.pathFilter());
      setState((s) => s && { ...s, status, failure });
      return status;
    },
    [batch, finish, queryClient, start, trpc],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    setState((s) => s && { ...s, status: "canceling" });
  }, []);

  const reset = useCallback(() => {
    errors.current = [];
    setState(null);
  }, []);

  return { state, errors, run, cancel, reset };
}
