import { readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.dirname(import.meta.dirname);

/** Server code a client component may run: pure functions with no server dependency. */
const pureShared = new Set([
  "@/server/content/sms",
  "@/server/settings/form-schema",
  "@/server/settings/describe",
  "@/server/imports/fields",
  "@/server/imports/read-csv",
  "@/server/imports/error-report",
  "@/server/team/schema",
  "@/server/metrics/dashboard-schema",
  "@/server/metrics/money",
  "@/server/niches/presets",
  "@/server/api-keys/scopes",
  "@/server/api-keys/key-input",
]);
const serverFolders = /^@\/(server|db|inngest)\//;

/** The file an `@/` or relative specifier names, if it is one of ours. */
function resolve(specifier, fromFile) {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(fromFile), specifier)
      : undefined;
  if (!base) return undefined;
  const candidates = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext);
  return candidates.find((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
}

const marksServerOnly = (file) =>
  /^import ["']server-only["'];?$/m.test(readFileSync(file, "utf8"));

/**
 * A "use client" module ships to the browser: it may import only types from the server, and
 * values only from the pure modules above. Everything under server/, db/ and inngest/, and any
 * module marked `import "server-only"`, would leak secrets or fail in the bundle.
 */
export const clientImports = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      server:
        'A "use client" module must not import {{source}}: it runs only on the server. Import ' +
        "its types with `import type`, or move the pure part to a shared module.",
    },
  },
  create(context) {
    const isClient = context.sourceCode.ast.body.some(
      (node) => node.type === "ExpressionStatement" && node.directive === "use client",
    );
    if (!isClient) return {};
    const check = (node, source, typeOnly) => {
      if (typeOnly || typeof source !== "string" || pureShared.has(source)) return;
      const file = resolve(source, context.filename);
      const serverOnly =
        source === "server-only" ||
        serverFolders.test(source) ||
        (file !== undefined && marksServerOnly(file));
      if (serverOnly) context.report({ node, messageId: "server", data: { source } });
    };
    const typeOnly = (node) =>
      node.importKind === "type" ||
      node.exportKind === "type" ||
      (node.specifiers?.length > 0 &&
        node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ImportExpression: (node) => check(node, node.source.value, false),
    };
  },
};
