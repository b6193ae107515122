// What the contract checks look at: the JSON Schema files of the repository, found by walking
// the tree (so a schema added later is checked without editing this), and the AsyncAPI document.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DOCS = join(ROOT, "docs");
export const ASYNCAPI = join(DOCS, "asyncapi.yaml");
export const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
export const SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";

/** Agencies whose services publish on interlock.<agency>.events and read interlock.inbox.<agency>. */
export const AGENCIES = ["prisons", "probation", "intelligence", "partners"];

/** org.interlock.<origin>.<entity>.<verb>.v<N>: origin is an agency, or "gateway" for its own notices. */
const EVENT_TYPE = /^org\.interlock\.([a-z]+)\.([a-z][a-z-]*)\.([a-z][a-z-]*)\.v([1-9][0-9]*)$/;

/** Where payload schemas live: META-INF/interlock/schemas/*.json under these trees, and any *.json under docs/. */
const SCHEMA_TREES = ["services", "gateway", "libs"];
const SCHEMA_DIR = ["META-INF", "interlock", "schemas"].join(sep);
const SKIPPED = new Set(["node_modules", "target", ".git", ".interlock"]);

export const rel = (file) => relative(ROOT, file);

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (e.code === "ENOENT") return;
    throw e;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name) && !entry.name.startsWith(".")) yield* walk(join(dir, entry.name));
    } else if (entry.isFile()) {
      yield join(dir, entry.name);
    }
  }
}

/** Every JSON Schema file of the repository, sorted by path. */
export function schemaFiles() {
  const files = [];
  for (const tree of SCHEMA_TREES) {
    for (const f of walk(join(ROOT, tree))) {
      if (f.endsWith(".json") && dirname(f).endsWith(sep + SCHEMA_DIR)) files.push(f);
    }
  }
  for (const f of walk(DOCS)) {
    if (f.endsWith(".json")) files.push(f);
  }
  return files.sort();
}

/** The event type a schema file is named after, or null for a schema that is not an event's payload. */
export function eventTypeOf(file) {
  const name = basename(file, ".json");
  const m = EVENT_TYPE.exec(name);
  return m ? { name, origin: m[1] } : null;
}

export const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

/** The AsyncAPI document as written (references unresolved), or throws with the YAML error. */
export function rawAsyncApi() {
  return parseYaml(readFileSync(ASYNCAPI, "utf8"));
}

/** Every { path, ref } of a $ref in a tree; path is the JSON path to the object holding it. */
export function* refsOf(node, path = "$") {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* refsOf(v, `${path}[${i}]`);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") yield { path, ref: v };
      else yield* refsOf(v, `${path}.${k}`);
    }
  }
}

/** The file a $ref names, resolved from the AsyncAPI document's folder; null for a local "#..." reference. */
export function referencedFile(ref) {
  if (ref.startsWith("#")) return null;
  return resolve(DOCS, ref.split("#")[0]);
}

/**
 * An Ajv of the given class (Ajv for draft-07, Ajv2020) in strict mode with ajv-formats, and the
 * warnings it logs: strict mode throws on most findings, but some are only logged.
 */
export function strictAjv(AjvClass) {
  const warnings = [];
  const record = (...args) => warnings.push(args.join(" "));
  const ajv = new AjvClass({ strict: true, allErrors: true, logger: { log() {}, warn: record, error: record } });
  addFormats(ajv);
  return { ajv, warnings };
}

/** Fails with every problem listed, one a line, when there is any. */
export function assertNone(problems, what) {
  assert.ok(problems.length === 0, `${problems.length} ${what}:\n${problems.join("\n")}`);
}
