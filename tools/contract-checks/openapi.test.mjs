// The HTTP contracts: the gateway's OpenAPI document and each agency service's, as their builds
// wrote them (target/openapi/openapi.json), validated against the OpenAPI specification's own
// JSON Schemas by a third-party validator (@seriousme/openapi-schema-validator), and the gateway's
// checked for what integrators rely on: every operation of every service's catalogue is a typed
// path under /api/v1/<agency>/, none generic; each names the OIDC scheme, requires
// X-Purpose-Of-Use, offers X-Break-Glass-Reason on reads, and lists the problems the gateway answers.
//
//   node --test openapi.test.mjs      (after the gateway and the services are built)
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { AGENCIES, ROOT, assertNone, readJson, rel } from "./lib.mjs";
import { catalogueOf } from "./catalogues.mjs";

const GATEWAY = join(ROOT, "gateway", "target", "openapi", "openapi.json");
const SERVICES = AGENCIES.map((agency) => [agency, join(ROOT, "services", agency, "target", "openapi", "openapi.json")]);
const PROBLEMS = ["400", "401", "404", "422", "429", "502", "503"];

async function invalidities(file) {
  const validator = new Validator();
  const result = await validator.validate(readJson(file));
  return result.valid ? [] : (result.errors ?? []).map((e) => `${rel(file)}: ${e.instancePath ?? ""} ${e.message ?? JSON.stringify(e)}`);
}

test("the gateway's and the services' OpenAPI documents were written by their builds", () => {
  const missing = [GATEWAY, ...SERVICES.map(([, file]) => file)].filter((file) => !existsSync(file)).map(rel);
  assertNone(missing, "documents missing (build the gateway and the services first)");
});

test("every OpenAPI document is valid against the OpenAPI specification's schemas", async () => {
  const problems = [];
  for (const file of [GATEWAY, ...SERVICES.map(([, f]) => f)].filter(existsSync)) {
    problems.push(...(await invalidities(file)));
  }
  assertNone(problems, "invalid OpenAPI");
});

test("the gateway types every catalogue operation under /api/v1/<agency>/ and serves no generic path", () => {
  assert.ok(existsSync(GATEWAY), `${rel(GATEWAY)} missing`);
  const paths = readJson(GATEWAY).paths ?? {};
  const problems = Object.keys(paths).filter((p) => p.startsWith("/api/v1/{")).map((p) => `generic path ${p}`);
  for (const agency of AGENCIES) {
    for (const operation of catalogueOf(agency).operations) {
      const path = `/api/v1/${agency}/${operation.openApiPath}`;
      const typed = paths[path]?.[operation.method.toLowerCase()];
      if (!typed) {
        problems.push(`${operation.method} ${path} is in the ${agency} catalogue but not in the gateway's document`);
        continue;
      }
      const headers = (typed.parameters ?? []).filter((p) => p.in === "header");
      if (!headers.some((h) => h.name === "X-Purpose-Of-Use" && h.required)) problems.push(`${operation.method} ${path}: no required X-Purpose-Of-Use`);
      if (operation.method === "GET" && !headers.some((h) => h.name === "X-Break-Glass-Reason")) problems.push(`GET ${path}: no X-Break-Glass-Reason`);
      if (!(typed.security ?? []).some((s) => "oidc" in s)) problems.push(`${operation.method} ${path}: no oidc security`);
      for (const status of PROBLEMS) {
        if (!typed.responses?.[status]?.content?.["application/problem+json"]) problems.push(`${operation.method} ${path}: no ${status} problem`);
      }
    }
  }
  assertNone(problems, "gateway OpenAPI shortfalls");
});
