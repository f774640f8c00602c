/**
 * An OpenAPI 3.1 schema (JSON Schema 2020-12 plus `x-` keys) read as the rows of a field table:
 * what the docs page shows of a request or an answer. Only what the integration API's schemas
 * use is read; anything else still shows its type and description.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  "x-reasons"?: string[];
};

export type FieldRow = {
  /** Where the field sits, e.g. `contacts[].` for a row's field; empty at the top. */
  parent: string;
  name: string;
  type: string;
  required: boolean;
  /** Limits JSON Schema states: lengths, ranges, formats, allowed values. */
  constraints: string[];
  /** The `reason`s the endpoint refuses a value with (`x-reasons`). */
  reasons: string[];
  description?: string;
};

const count = (n: number) => n.toLocaleString("en-US");

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  const units = (n: number) => `${count(n)} ${unit}${n === 1 ? "" : "s"}`;
  if (min !== undefined && max !== undefined) {
    return min === max ? `exactly ${units(max)}` : `${count(min)}–${units(max)}`;
  }
  if (max !== undefined) return `at most ${units(max)}`;
  if (min !== undefined && min > 0) return `at least ${units(min)}`;
  return null;
}

const listed = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(", ");

/** The schema a `$ref` (`#/components/schemas/Name`) points at, from the document's components. */
export type Resolve = (ref: string) => JsonSchema;

/** `anyOf: [X, { type: "null" }]` (zod's `.nullable()`) is X that may be null. */
function unwrapNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length === 2) {
    const other = branches.find((b) => b.type !== "null");
    if (other && branches.some((b) => b.type === "null")) {
      return { schema: { ...other, "x-reasons": reasonsOf(schema, other) }, nullable: true };
    }
  }
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const types = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema, nullable: false };
}

function reasonsOf(...schemas: JsonSchema[]): string[] {
  return [...new Set(schemas.flatMap((s) => s["x-reasons"] ?? []))];
}

function typeName(schema: JsonSchema, resolve: Resolve): string {
  const s = schema.$ref ? resolve(schema.$ref) : schema;
  if (s.type === "array") return `array of ${s.items ? typeName(s.items, resolve) : "any"}`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (s.type) return s.type;
  if (s.anyOf ?? s.oneOf) return (s.anyOf ?? s.oneOf)!.map((b) => typeName(b, resolve)).join(" | ");
  return "any";
}

function constraintsOf(schema: JsonSchema, reasons: string[], resolve: Resolve): string[] {
  const items = schema.type === "array" && schema.items ? schema.items : null;
  const object = items ? (items.$ref ? resolve(items.$ref) : items) : schema;
  const out = [
    // A strict object (or array of them) refuses a field it does not list.
    object.properties && object.additionalProperties === false ? "only the fields below" : null,
    range(schema.minLength, schema.maxLength, "character"),
    range(schema.minItems, schema.maxItems, "item"),
    schema.minimum !== undefined || schema.maximum !== undefined
      ? `${schema.minimum !== undefined ? count(schema.minimum) : "…"} to ${schema.maximum !== undefined ? count(schema.maximum) : "…"}`
      : null,
    schema.format ? `format: ${schema.format}` : null,
    schema.enum ? `one of ${listed(schema.enum)}` : null,
    schema.const !== undefined ? `always ${JSON.stringify(schema.const)}` : null,
    // A pattern is for machines; the reason it is refused with says it in words.
    schema.pattern && reasons.length === 0 ? `pattern: ${schema.pattern}` : null,
  ];
  // An array of plain values (`tags`): the limits of each.
  if (items && !object.properties)
    out.push(...constraintsOf(items, reasons, resolve).map((c) => `each: ${c}`));
  // A map such as `channels`: which keys it takes, and what each holds.
  if (schema.propertyNames?.enum) out.push(`keys: ${listed(schema.propertyNames.enum)}`);
  if (typeof schema.additionalProperties === "object" && schema.additionalProperties.enum) {
    out.push(`values: ${listed(schema.additionalProperties.enum)}`);
  }
  return out.filter((c): c is string => c !== null);
}

/**
 * The rows of an object schema's fields, depth first: a nested object's fields follow it
 * (`subscription.keys.p256dh`), an array of objects' fields follow it as `name[].field`.
 */
export function fieldRows(schema: JsonSchema, resolve: Resolve, parent = ""): FieldRow[] {
  const object = schema.$ref ? resolve(schema.$ref) : schema;
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).flatMap(([name, property]) => {
    const { schema: field, nullable } = unwrapNull(
      property.$ref ? { ...resolve(property.$ref), ...property, $ref: undefined } : property,
    );
    // An array of plain values is refused for what its values are refused for.
    const values =
      field.type === "array" && field.items && !field.items.properties && !field.items.$ref;
    const reasons = values ? reasonsOf(field, field.items!) : reasonsOf(field);
    const row: FieldRow = {
      parent,
      name,
      type: typeName(field, resolve) + (nullable ? " | null" : ""),
      required: required.has(name),
      constraints: constraintsOf(field, reasons, resolve),
      reasons,
      description: property.description ?? field.description,
    };
    const items = field.type === "array" && field.items ? field.items : null;
    const nested = field.properties
      ? fieldRows(field, resolve, `${parent}${name}.`)
      : items
        ? fieldRows(items, resolve, `${parent}${name}[].`)
        : [];
    return [row, ...nested];
  });
}
