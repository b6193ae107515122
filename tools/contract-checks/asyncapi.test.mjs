// docs/asyncapi.yaml parses with the AsyncAPI parser and agrees with the schema files and with
// what the gateway's exchange can route:
// - no parser error or warning (information and hints are printed, not failed);
// - every schema file it references exists and is among those schemas.test.mjs compiles;
// - every message's payload is the schema file of the message's own type, an inbox copy's the
//   copy schema of its type (docs/schemas/copies/, see copies.mjs);
// - every event type with a schema file is a message on its topic (the gateway's: on an inbox or
//   on one of its own topics, interlock.gateway.*);
// - every inbox carries a copy of each event type the exchange may route to it (Router.candidates:
//   a statutory agency gets the other agencies' events, partner organisations every agency's),
//   of the types whose catalogue category names a person, and every inbox message is about a person;
// - every message declares the binary-mode ce_* headers, and a subject or that it has none; every
//   copy its extension attributes; the gateway's dead-letter topic, which holds what could not be
//   read as such, the original's headers plus dead-letter-reason and dead-letter-source;
// - the gateway's topics named in its code (Topics, OverdueAlertPublisher) are channels here;
// - every agency has its compacted state topic, holding only its own events (ADR 0012);
// - every message example (an event, a copy, an erasure notice as the code sends them) is valid;
// - the document's own schemas (the headers) compile with Ajv in strict mode.
//
//   node --test asyncapi.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Parser, fromFile } from "@asyncapi/parser";
import {
  AGENCIES, ASYNCAPI, ROOT, SCHEMA_FORMAT, assertNone, eventTypeOf, rawAsyncApi, referencedFile, refsOf, rel,
  schemaFiles, strictAjv,
} from "./lib.mjs";
import { routableTypes } from "./catalogues.mjs";
import { copyFileOf } from "./copies.mjs";

// Subject is optional in CloudEvents: each message requires it or declares it absent (below).
const CLOUD_EVENT_HEADERS = ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type"];
const EVENT_EXTENSIONS = ["ce_classification", "ce_category", "ce_handling", "ce_correlationid", "ce_traceparent"];
const COPY_EXTENSIONS = ["ce_sourceeventid", "ce_recipient", "ce_agreement", "ce_consent", "ce_policyversion"];
// What InboxCopy always sets (consent, handling, correlationid, traceparent only when there is one).
const COPY_REQUIRED = ["ce_classification", "ce_category", "ce_sourceeventid", "ce_recipient", "ce_agreement", "ce_policyversion"];
// What the outbox relay always sets on an agency event (recordedby: who acts, or system:<agency>).
const EVENT_REQUIRED = ["ce_classification", "ce_category", "ce_correlationid", "ce_dataschema", "ce_recordedby"];
const SEVERITY = ["error", "warning", "information", "hint"];
// What ExchangeLoop.deadLetter adds to the original record's headers.
const DEAD_LETTER_HEADERS = ["dead-letter-reason", "dead-letter-source"];

const files = schemaFiles();
// A document that is not YAML fails the parser's check, which names the error; the others then
// find nothing to look at and fail too, rather than crash the run.
const raw = rawAsyncApiOrEmpty();
const parsed = await fromFile(new Parser(), ASYNCAPI).parse();
const document = parsed.document;

function rawAsyncApiOrEmpty() {
  try {
    return rawAsyncApi() ?? {};
  } catch {
    return {};
  }
}

function componentMessages() {
  const messages = Object.entries(raw.components?.messages ?? {});
  assert.ok(messages.length > 0, "the document has no messages");
  return messages;
}
const payloadFile = (message) => referencedFile(message?.payload?.schema?.$ref ?? "#");

/** The component messages a channel of the raw document lists, as [id, message]. */
function messagesOf(channel) {
  return Object.values(channel.messages ?? {}).map(({ $ref }) => {
    const id = $ref?.replace("#/components/messages/", "");
    return [id, raw.components?.messages?.[id]];
  });
}

const channelAt = (address) => Object.values(raw.channels ?? {}).find((c) => c.address === address);

/**
 * Property names, required names, forbidden names (a `false` schema) and the ce_subject patterns of
 * a resolved headers schema, through allOf.
 */
function headerNames(schema) {
  const properties = new Set(Object.keys(schema?.properties ?? {}));
  const required = new Set(schema?.required ?? []);
  const forbidden = new Set(Object.entries(schema?.properties ?? {}).filter(([, s]) => s === false).map(([name]) => name));
  const subjects = schema?.properties?.ce_subject?.pattern ? [schema.properties.ce_subject.pattern] : [];
  for (const part of schema?.allOf ?? []) {
    const inner = headerNames(part);
    inner.properties.forEach((p) => properties.add(p));
    inner.required.forEach((p) => required.add(p));
    inner.forbidden.forEach((p) => forbidden.add(p));
    subjects.push(...inner.subjects);
  }
  return { properties, required, forbidden, subjects };
}

/** Every message of every channel of the parsed document, with its channel's address and its headers. */
function parsedMessages() {
  assert.ok(document, "the document did not parse");
  return document.channels().all().flatMap((channel) => channel.messages().all().map((message) => ({
    address: channel.address(),
    id: message.id(),
    name: message.name(),
    headers: headerNames(message.headers()?.json()),
  })));
}

/** Whether a message's subject is a person: only such events are routed (InboxEnvelope refuses any other). */
const aboutPerson = (m) => m.headers.subjects.includes(raw.components?.schemas?.personReference?.pattern);
const isCopy = (m) => m.headers.properties.has("ce_sourceeventid");
const missing = (wanted, have) => wanted.filter((h) => !have.has(h));
// A dead-letter topic holds records as they came, CloudEvents or not: the CloudEvents checks skip it.
const isDeadLetter = (address) => address.endsWith(".deadletter");
const cloudEventMessages = () => parsedMessages().filter((m) => !isDeadLetter(m.address));

test("docs/asyncapi.yaml parses with the AsyncAPI parser, with no error or warning", (t) => {
  const lines = parsed.diagnostics.map((d) =>
    `${SEVERITY[d.severity] ?? d.severity} ${d.code}: ${d.message} at ${d.path.join(".") || "(document)"}` +
    (d.range ? ` (line ${d.range.start.line + 1})` : ""));
  lines.filter((_, i) => parsed.diagnostics[i].severity > 1).forEach((l) => t.diagnostic(l));
  assertNone(lines.filter((_, i) => parsed.diagnostics[i].severity <= 1), "errors or warnings");
  assert.ok(document, "no document");
});

test("every schema file the document references exists and is compiled by the schema check", () => {
  const compiled = new Set(files);
  const problems = [];
  for (const { path, ref } of refsOf(raw)) {
    const file = referencedFile(ref);
    if (file === null) continue;
    if (!existsSync(file)) problems.push(`${path}: ${ref} does not exist`);
    else if (!compiled.has(file)) problems.push(`${path}: ${ref} is not a META-INF/interlock/schemas or docs/ schema`);
  }
  assertNone(problems, "references to schema files that are missing or not compiled");
});

test("every channel lists messages of the components, by reference", () => {
  const problems = [];
  for (const [key, channel] of Object.entries(raw.channels ?? {})) {
    for (const [id, message] of messagesOf(channel)) {
      if (!message) problems.push(`channels.${key}: ${id ?? "an inline message"} is not in components.messages`);
    }
  }
  assertNone(problems, "channel messages not in components");
});

test("every message's payload is the schema file of the message's own type, a copy's its copy schema (draft 2020-12)", () => {
  const all = parsedMessages();
  const copies = new Set(all.filter(isCopy).map((m) => m.id));
  const deadLetters = new Set(all.filter((m) => isDeadLetter(m.address)).map((m) => m.id));
  const problems = [];
  for (const [id, message] of componentMessages()) {
    const payload = message.payload ?? {};
    const file = payloadFile(message);
    if (payload.schemaFormat !== SCHEMA_FORMAT) problems.push(`${id}: schemaFormat is not ${SCHEMA_FORMAT}`);
    if (deadLetters.has(id)) continue; // the original's value, whatever it is: checked below
    if (!file || Object.keys(payload.schema ?? {}).length !== 1) {
      problems.push(`${id}: payload.schema is not a lone $ref to a schema file`);
    } else if (copies.has(id) && file !== copyFileOf(message.name)) {
      problems.push(`${id}: payload ${rel(file)} is not the copy schema of ${message.name}, ${rel(copyFileOf(message.name))}`);
    } else if (!copies.has(id) && eventTypeOf(file)?.name !== message.name) {
      problems.push(`${id}: payload ${rel(file)} is not the schema of ${message.name}`);
    }
  }
  assertNone(problems, "messages whose payload is not their type's schema file");
});

test("every event type with a schema file is a message on its topic (the gateway's: on an inbox or a topic of its own)", () => {
  const problems = [];
  for (const file of files) {
    const type = eventTypeOf(file);
    if (!type) continue;
    const channels = AGENCIES.includes(type.origin)
      ? [channelAt(`interlock.${type.origin}.events`)]
      : Object.values(raw.channels ?? {}).filter((c) =>
        c.address?.startsWith("interlock.inbox.") || c.address?.startsWith(`interlock.${type.origin}.`));
    const found = channels.some((c) => c && messagesOf(c).some(([, m]) => m?.name === type.name && payloadFile(m) === file));
    if (!found) problems.push(`${type.name} (${rel(file)})`);
  }
  assertNone(problems, "event types with a schema file but no message on their topic");
});

test("every inbox carries a copy of each event type the exchange may route to it, and no other copy", () => {
  // Only events of a category that names a person are routed (an organisation's, ADR 0003, never:
  // it has no person to be keyed by); catalogue.test.mjs checks that these are the person-subject messages.
  const agencyTypes = routableTypes().map((name) => ({ name, origin: name.split(".")[2] }));
  const problems = [];
  for (const inbox of AGENCIES) {
    const address = `interlock.inbox.${inbox}`;
    const copies = new Set(parsedMessages().filter((m) => m.address === address && isCopy(m)).map((m) => m.name));
    // Router.candidates: every statutory agency but the origin, and every partner organisation.
    const routable = agencyTypes.filter((t) => inbox === "partners" || t.origin !== inbox).map((t) => t.name);
    missing(routable, copies).forEach((name) => problems.push(`${address} lacks a copy of ${name}`));
    [...copies].filter((name) => !routable.includes(name)).forEach((name) =>
      problems.push(`${address} lists a copy of ${name}, which the exchange never routes there`));
  }
  assertNone(problems, "inbox copies missing or misplaced");
});

test("every inbox message is about a person (the inbox refuses any other subject)", () => {
  const problems = parsedMessages()
    .filter((m) => m.address.startsWith("interlock.inbox."))
    .filter((m) => !aboutPerson(m))
    .map((m) => `${m.address} ${m.id}: ce_subject is not a person reference`);
  assertNone(problems, "inbox messages not about a person");
});

test("every message declares the binary-mode CloudEvents headers (ce_specversion ... content-type) as required", () => {
  const messages = cloudEventMessages();
  assert.ok(messages.length > 0, "no messages");
  const problems = messages.flatMap((m) =>
    missing(CLOUD_EVENT_HEADERS, m.headers.required).map((h) => `${m.address} ${m.id}: ${h}`));
  assertNone(problems, "missing CloudEvents headers");
});

test("every message requires ce_subject or declares that it has none (ce_subject: false)", () => {
  const problems = cloudEventMessages()
    .filter((m) => m.headers.required.has("ce_subject") === m.headers.forbidden.has("ce_subject"))
    .map((m) => `${m.address} ${m.id}: ce_subject is ${m.headers.required.has("ce_subject") ? "both required and forbidden" : "neither required nor forbidden"}`);
  assertNone(problems, "messages that leave their subject open");
});

test("the gateway's dead-letter topic carries the agency event as it came, plus dead-letter-reason and dead-letter-source", () => {
  const messages = parsedMessages().filter((m) => m.address === "interlock.gateway.deadletter");
  assert.equal(messages.length, 1, "interlock.gateway.deadletter should list one message");
  const [m] = messages;
  assertNone(missing(DEAD_LETTER_HEADERS, m.headers.required).map((h) => `${m.id}: ${h} not required`), "missing dead-letter headers");
  // The reason may be that a ce_* header is missing: requiring one would be untrue.
  assertNone([...m.headers.required].filter((h) => h.startsWith("ce_")).map((h) => `${m.id}: requires ${h}`),
    "ce_* headers a dead-lettered record may lack");
});

test("the gateway's topics in its code (Topics, OverdueAlertPublisher) are channels, with the headers it writes", () => {
  const source = (path) => readFileSync(join(ROOT, path), "utf8");
  const topics = source("libs/contracts/src/main/java/org/interlock/contracts/Topics.java");
  const alerts = source("gateway/src/main/java/org/interlock/gateway/audit/review/OverdueAlertPublisher.java");
  const loop = source("gateway/src/main/java/org/interlock/gateway/exchange/ExchangeLoop.java");
  const constant = (text, name) => new RegExp(`\\b${name} = "([^"]+)"`).exec(text)?.[1];
  const wanted = {
    "Topics.GATEWAY_DEAD_LETTER": constant(topics, "GATEWAY_DEAD_LETTER"),
    "Topics.CONSENTS": constant(topics, "CONSENTS"),
    "OverdueAlertPublisher.TOPIC": constant(alerts, "TOPIC"),
  };
  const problems = Object.entries(wanted).filter(([, address]) => !address || !channelAt(address))
    .map(([name, address]) => `${name} (${address ?? "not found where this test looks"}) is no channel`);
  const deadLetter = parsedMessages().find((m) => m.address === wanted["Topics.GATEWAY_DEAD_LETTER"]);
  const written = [constant(topics, "DEAD_LETTER_REASON"), /headers\(\)\.add\("(dead-letter-[a-z]+)"/.exec(loop)?.[1]];
  written.filter((h) => !deadLetter?.headers.required.has(h)).forEach((h) => problems.push(`dead-letter header ${h} is not declared`));
  assertNone(problems, "gateway topics or headers the document does not declare");
});

test("every agency has its compacted state topic, whose messages are its own events (ADR 0012)", () => {
  const problems = [];
  for (const agency of AGENCIES) {
    const channel = channelAt(`interlock.${agency}.state`);
    const events = channelAt(`interlock.${agency}.events`);
    if (!channel) {
      problems.push(`interlock.${agency}.state is no channel`);
      continue;
    }
    if (!/compacted/i.test(channel.description ?? "")) problems.push(`interlock.${agency}.state does not say it is compacted`);
    const published = new Set(messagesOf(events ?? {}).map(([id]) => id));
    const held = messagesOf(channel);
    if (held.length === 0) problems.push(`interlock.${agency}.state lists no message`);
    held.filter(([id]) => !published.has(id))
      .forEach(([id]) => problems.push(`interlock.${agency}.state: ${id} is not a message of interlock.${agency}.events`));
  }
  assertNone(problems, "state topics");
});

test("every agency event declares the extension attributes its outbox relay sends", () => {
  const problems = parsedMessages()
    .filter((m) => /^interlock\.[a-z]+\.events$/.test(m.address))
    .flatMap((m) => [
      ...missing(EVENT_EXTENSIONS, m.headers.properties).map((h) => `${m.address} ${m.id}: no ${h}`),
      ...missing(EVENT_REQUIRED, m.headers.required).map((h) => `${m.address} ${m.id}: ${h} not required`),
    ]);
  assertNone(problems, "missing event extension attributes");
});

test("every inbox copy declares the copy's extension attributes (sourceeventid, recipient, agreement, consent, policyversion, ...)", () => {
  const copies = parsedMessages().filter(isCopy);
  assert.ok(copies.length > 0, "no inbox copies at all");
  const problems = copies.flatMap((m) => [
    ...missing([...EVENT_EXTENSIONS, ...COPY_EXTENSIONS], m.headers.properties).map((h) => `${m.address} ${m.id}: no ${h}`),
    ...missing(COPY_REQUIRED, m.headers.required).map((h) => `${m.address} ${m.id}: ${h} not required`),
  ]);
  assertNone(problems, "missing copy extension attributes");
});

test("every message example matches its message's headers and payload schemas", () => {
  assert.ok(document, "the document did not parse");
  // Strictness is checked above; here only the example's values count, against the resolved
  // schemas, which carry the parser's x-parser-* annotations.
  const validate = (AjvClass, schema, value) => {
    const ajv = new AjvClass({ strict: false, allErrors: true });
    addFormats(ajv);
    const check = ajv.compile(schema);
    return check(value) ? [] : check.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  };
  const problems = [];
  let examples = 0;
  for (const message of document.messages().all()) {
    for (const example of message.examples().all()) {
      examples++;
      const where = `${message.id()} example ${example.name() ?? ""}`;
      if (example.hasHeaders()) {
        validate(Ajv, message.headers()?.json() ?? false, example.headers()).forEach((e) => problems.push(`${where} headers: ${e}`));
      }
      if (example.hasPayload()) {
        validate(Ajv2020, message.payload()?.json()?.schema ?? false, example.payload()).forEach((e) => problems.push(`${where} payload: ${e}`));
      }
    }
  }
  assert.ok(examples > 0, "the document has no examples");
  assertNone(problems, "example values that their schemas refuse");
});

test("the document's own schemas (components.schemas) compile with Ajv in strict mode", () => {
  // AsyncAPI's schema object is JSON Schema draft-07 plus a few keywords, none used here:
  // compile them as draft-07, the local references pointed at one root.
  const toRoot = (node) => JSON.parse(JSON.stringify(node).replaceAll('"#/components/schemas/', '"#/definitions/'));
  const { ajv, warnings } = strictAjv(Ajv);
  const names = Object.keys(raw.components?.schemas ?? {});
  ajv.addSchema({ $id: "asyncapi", definitions: toRoot(raw.components?.schemas ?? {}) });
  for (const name of names) ajv.getSchema(`asyncapi#/definitions/${name}`);
  assertNone(warnings, "Ajv warnings");
  assert.ok(names.length > 0, "no schemas in components");
});
