// The inbox copies' schemas (docs/schemas/copies/) are exactly what copies.mjs derives from the
// event schemas, one per event type the exchange may route, and they say what a copy is: any
// projection of the event, nothing it does not declare.
//
//   node --test copies.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Parser, fromFile } from "@asyncapi/parser";
import { ASYNCAPI, assertNone, readJson, rel } from "./lib.mjs";
import { routableTypes } from "./catalogues.mjs";
import { REGENERATE, committedCopies, copyFileOf, expectedCopies } from "./copies.mjs";

test("docs/schemas/copies/ holds exactly the copy schema of each routable event type, as copies.mjs derives it", () => {
  const expected = expectedCopies();
  const committed = committedCopies();
  const problems = [
    ...[...expected.keys()].filter((f) => !committed.includes(f)).map((f) => `${rel(f)} is missing`),
    ...committed.filter((f) => !expected.has(f)).map((f) => `${rel(f)} is not the copy of a routable event type`),
    ...committed.filter((f) => expected.has(f) && readFileSync(f, "utf8") !== expected.get(f))
      .map((f) => `${rel(f)} differs from its event schema's derivation`),
  ];
  assert.ok(problems.length === 0, `docs/schemas/copies/ is stale; regenerate it with \`${REGENERATE}\`:\n${problems.join("\n")}`);
});

/** The copy schema of a type, compiled (strictness is schemas.test.mjs's: here only values count). */
function copyValidator(type) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(readJson(copyFileOf(type)));
}

test("a copy schema requires nothing and refuses a property its event does not declare", () => {
  const problems = [];
  for (const type of routableTypes()) {
    const valid = copyValidator(type);
    if (!valid({})) problems.push(`${type}: refuses the empty copy (${valid.errors.map((e) => e.message).join("; ")})`);
    if (valid({ notAFieldOfTheEvent: "x" })) problems.push(`${type}: accepts a property its event does not declare`);
  }
  assertNone(problems, "copy schemas that do not describe a projection");
});

test("every projection of an event example is valid against its type's copy schema", async () => {
  const { document } = await fromFile(new Parser(), ASYNCAPI).parse();
  assert.ok(document, "docs/asyncapi.yaml did not parse");
  const routable = new Set(routableTypes());
  const problems = [];
  let projections = 0;
  for (const channel of document.channels().all().filter((c) => /^interlock\.[a-z]+\.events$/.test(c.address()))) {
    for (const message of channel.messages().all().filter((m) => routable.has(m.name()))) {
      const valid = copyValidator(message.name());
      for (const example of message.examples().all().filter((e) => e.hasPayload())) {
        const payload = example.payload();
        const keys = Object.keys(payload);
        // Every subset of the example's top-level properties: what `fields` and `redact` can leave.
        for (let mask = 0; mask < 2 ** keys.length; mask++) {
          const projection = Object.fromEntries(keys.filter((_, i) => mask & (1 << i)).map((k) => [k, payload[k]]));
          projections++;
          if (!valid(projection)) problems.push(`${message.name()} ${example.name()} as ${JSON.stringify(Object.keys(projection))}`);
        }
      }
    }
  }
  assert.ok(projections > 0, "no event example to project");
  assertNone(problems, "projections that their copy schema refuses");
});
