// Every JSON Schema of the repository compiles with Ajv in strict mode (draft 2020-12, with the
// formats of ajv-formats), with no error and no warning; an event's schema is named by its $id.
//
//   node --test schemas.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020.js";
import { DRAFT_2020_12, assertNone, eventTypeOf, readJson, rel, schemaFiles, strictAjv } from "./lib.mjs";

const files = schemaFiles();

test("the schema files are found in services/, gateway/ and libs/", () => {
  for (const tree of ["services/", "gateway/", "libs/"]) {
    assert.ok(files.some((f) => rel(f).startsWith(tree)), `no META-INF/interlock/schemas/*.json under ${tree}`);
  }
});

for (const file of files) {
  test(`compiles in strict mode: ${rel(file)}`, () => {
    const schema = readJson(file);
    assert.equal(schema.$schema, DRAFT_2020_12, "$schema must name draft 2020-12");
    const { ajv, warnings } = strictAjv(Ajv2020);
    ajv.compile(schema);
    assertNone(warnings, "Ajv warnings");
  });
}

test("each event type's schema has the $id urn:interlock:schema:<type>, and no two schemas share an $id", () => {
  const seen = new Map();
  const problems = [];
  for (const file of files) {
    const schema = readJson(file);
    const type = eventTypeOf(file);
    if (type && schema.$id !== `urn:interlock:schema:${type.name}`) {
      problems.push(`${rel(file)}: $id is ${schema.$id}`);
    }
    if (schema.$id && seen.has(schema.$id)) {
      problems.push(`${rel(file)}: $id ${schema.$id} is also ${seen.get(schema.$id)}'s`);
    }
    if (schema.$id) seen.set(schema.$id, rel(file));
  }
  assertNone(problems, "schemas with a wrong or shared $id");
});
