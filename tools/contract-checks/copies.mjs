// The schemas of inbox copies, derived from the event schemas. A copy is a projection: the
// agreement that released it may whitelist some fields (`fields`) or delete some by JSONPath
// (`redact`, at any depth, array elements included), so a copy holds only what was released. Its
// schema is the event's with every constraint that such a removal can break taken out: no
// `required` (nor minProperties, dependentRequired) at any depth, no `minItems`. What remains
// (each property's type, format, pattern, enum, bounds; no property beyond the event's) holds for
// every copy, since a copy never changes or adds a value.
//
// The schemas are committed under docs/schemas/copies/ (one <type>.copy.json per event type the
// exchange may route) and copies.test.mjs fails when they differ from this derivation. Regenerate:
//
//   bash tools/contract-checks/run --write-copies
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DOCS, DRAFT_2020_12, eventTypeOf, readJson, rel, schemaFiles } from "./lib.mjs";
import { routableTypes } from "./catalogues.mjs";

export const COPIES = join(DOCS, "schemas", "copies");
export const REGENERATE = "bash tools/contract-checks/run --write-copies";
export const copyFileOf = (type) => join(COPIES, `${type}.copy.json`);
export const copyIdOf = (type) => `urn:interlock:schema:${type}.copy`;

/** Keywords a removal of properties or array elements cannot make false: kept as they are. */
const KEPT = new Set([
  "type", "format", "pattern", "enum", "const", "minLength", "maxLength", "minimum", "maximum",
  "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "maxItems", "uniqueItems", "maxProperties",
  "title", "description", "$comment", "examples", "deprecated",
]);
/** Keywords a removal can make false: dropped. */
const DROPPED = new Set(["required", "minProperties", "dependentRequired", "minItems"]);
/** Keywords holding subschemas, relaxed in turn. */
const NESTED = new Set(["properties", "items", "additionalProperties"]);

/** A subschema with what a projection can break taken out; throws on a keyword this does not know. */
function relaxed(schema, where) {
  if (typeof schema === "boolean") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (KEPT.has(key)) out[key] = structuredClone(value);
    else if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, relaxed(s, `${where}.${name}`)]));
    } else if (NESTED.has(key)) out[key] = relaxed(value, `${where}/${key}`);
    else {
      throw new Error(`${where}: '${key}' is a keyword copies.mjs does not know whether a projection keeps; ` +
        "teach it (KEPT, DROPPED or NESTED) before using it in an event schema");
    }
  }
  return out;
}

/** The copy schema of an event schema (the parsed file), as an object. */
export function copySchemaOf(type, schema, file) {
  if (schema.type !== "object" || schema.additionalProperties !== false || !schema.properties) {
    throw new Error(`${rel(file)}: an event schema must be a closed object (type object, additionalProperties false, properties)`);
  }
  return {
    $schema: DRAFT_2020_12,
    $id: copyIdOf(type),
    $comment: `Generated from ${rel(file)} by tools/contract-checks/copies.mjs (${REGENERATE}); do not edit.`,
    title: `Inbox copy of ${type}: what a sharing agreement released of it`,
    description: "The event's properties, each as its schema describes it, none required: under an agreement " +
      "that releases some fields or redacts some, a property withheld is absent (never null). Nothing else is added.",
    type: "object",
    additionalProperties: false,
    properties: relaxed({ properties: schema.properties }, type).properties,
  };
}

/** What docs/schemas/copies/ must hold: file -> text, for every event type the exchange may route. */
export function expectedCopies() {
  const byType = new Map(schemaFiles().map((f) => [eventTypeOf(f)?.name, f]).filter(([t]) => t));
  const expected = new Map();
  for (const type of routableTypes()) {
    const file = byType.get(type);
    if (!file) throw new Error(`${type} is routable (its catalogue category names a person) but has no schema file`);
    expected.set(copyFileOf(type), JSON.stringify(copySchemaOf(type, readJson(file), file), null, 2) + "\n");
  }
  return expected;
}

/** The files now under docs/schemas/copies/. */
export function committedCopies() {
  try {
    return readdirSync(COPIES).map((name) => join(COPIES, name)).sort();
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw e;
  }
}

/** Writes the expected copies and removes any other file in the folder; returns what changed. */
export function writeCopies() {
  const expected = expectedCopies();
  mkdirSync(COPIES, { recursive: true });
  const removed = committedCopies().filter((f) => !expected.has(f));
  removed.forEach((f) => rmSync(f));
  for (const [file, text] of expected) writeFileSync(file, text);
  return { written: expected.size, removed: removed.map(rel) };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--write")) {
  const { written, removed } = writeCopies();
  console.log(`# wrote ${written} copy schemas to ${rel(COPIES)}${removed.length ? `, removed ${removed.join(", ")}` : ""}`);
}
