// The agency services' catalogues (META-INF/interlock/catalogue/*.yaml) agree with the event
// contracts, statically: every event type a catalogue declares has a schema file and a message on
// its agency's topic, the schema's properties are exactly the category's fields, every agency
// event schema is declared (the gateway dead-letters an undeclared type), and a message's subject
// is a person exactly when its category names one. Each service's CatalogueTest checks the same
// catalogue against the running service (its OpenAPI document and /schemas); this needs no Java.
//
//   node --test catalogue.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { Parser, fromFile } from "@asyncapi/parser";
import {
  AGENCIES, ASYNCAPI, assertNone, eventTypeOf, rawAsyncApi, readJson, referencedFile, rel, schemaFiles,
} from "./lib.mjs";
import { catalogueOf } from "./catalogues.mjs";

const files = schemaFiles();
const raw = rawAsyncApi() ?? {};
const { document } = await fromFile(new Parser(), ASYNCAPI).parse();

/** Each agency's catalogue, or the error it failed to load with (reported by the first test). */
const loaded = new Map(AGENCIES.map((agency) => {
  try {
    return [agency, catalogueOf(agency)];
  } catch (e) {
    return [agency, e];
  }
}));
const catalogues = () => [...loaded.values()].filter((c) => !(c instanceof Error));
/** [type, category, agency] of every event every catalogue declares. */
const declared = () => catalogues().flatMap((c) => [...c.events].map(([type, category]) => [type, category, c.agency]));
const schemaFileOf = (type) => files.filter((f) => eventTypeOf(f)?.name === type);

test("each agency's catalogue loads: its parts are found, and every event names a declared category", () => {
  const problems = [...loaded].filter(([, c]) => c instanceof Error).map(([agency, e]) => `${agency}: ${e.message}`);
  assertNone(problems, "catalogues that do not load");
  for (const c of catalogues()) assert.ok(c.events.size > 0, `${c.agency}: the catalogue declares no event`);
});

test("every event type a catalogue declares has one schema file and a message on its agency's events topic", () => {
  const problems = [];
  for (const [type, , agency] of declared()) {
    const schemas = schemaFileOf(type);
    if (schemas.length !== 1) {
      problems.push(`${type}: ${schemas.length} schema files (${schemas.map(rel).join(", ") || "none"})`);
      continue;
    }
    const channel = Object.values(raw.channels ?? {}).find((c) => c.address === `interlock.${agency}.events`);
    const messages = Object.values(channel?.messages ?? {})
      .map(({ $ref }) => raw.components?.messages?.[$ref?.replace("#/components/messages/", "")])
      .filter((m) => m?.name === type);
    if (messages.length === 0) problems.push(`${type}: no message on interlock.${agency}.events`);
    for (const m of messages) {
      const payload = referencedFile(m.payload?.schema?.$ref ?? "#");
      if (payload !== schemas[0]) problems.push(`${type}: its message's payload is ${payload ? rel(payload) : "no file"}, not ${rel(schemas[0])}`);
    }
  }
  assertNone(problems, "declared event types without a schema file or a message");
});

test("every event type's schema has exactly its catalogue category's fields as properties", () => {
  const problems = [];
  for (const [type, category] of declared()) {
    const [file] = schemaFileOf(type);
    if (!file) continue; // reported above
    const properties = Object.keys(readJson(file).properties ?? {});
    const extra = properties.filter((p) => !category.fields.includes(p));
    const lacking = category.fields.filter((f) => !properties.includes(f));
    if (extra.length > 0) problems.push(`${rel(file)}: ${extra.join(", ")} not in category ${category.name} (${category.part})`);
    if (lacking.length > 0) problems.push(`${rel(file)}: lacks ${lacking.join(", ")} of category ${category.name} (${category.part})`);
  }
  assertNone(problems, "event schemas whose properties are not their category's fields");
});

test("every agency event schema is declared in its agency's catalogue (the gateway dead-letters an undeclared type)", () => {
  const types = new Set(declared().map(([type]) => type));
  const problems = files.map(eventTypeOf)
    .filter((t) => t && AGENCIES.includes(t.origin) && !types.has(t.name))
    .map((t) => `${t.name} is not in the ${t.origin} catalogue`);
  assertNone(problems, "event schemas no catalogue declares");
});

test("an event's message has a person subject exactly when its catalogue category names a person", () => {
  assert.ok(document, "docs/asyncapi.yaml did not parse");
  const personPattern = raw.components?.schemas?.personReference?.pattern;
  /** The ce_subject patterns of a resolved headers schema, through allOf. */
  const subjects = (schema) => [schema?.properties?.ce_subject?.pattern, ...(schema?.allOf ?? []).flatMap(subjects)].filter(Boolean);
  const problems = [];
  for (const [type, category, agency] of declared()) {
    const channel = document.channels().all().find((c) => c.address() === `interlock.${agency}.events`);
    for (const message of channel?.messages().all().filter((m) => m.name() === type) ?? []) {
      const aboutPerson = subjects(message.headers()?.json()).includes(personPattern);
      if (aboutPerson !== (category.person !== null)) {
        problems.push(`${type}: ${aboutPerson ? "a person subject" : "no person subject"}, but category ${category.name} ` +
          (category.person ? `names its person in ${category.person}` : "names no person"));
      }
    }
  }
  assertNone(problems, "messages whose subject disagrees with their category");
});
