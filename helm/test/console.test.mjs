// The web console's deployment values (ADR 0020), proved from the RENDERED objects:
//
//  - console.realmUrl reaches the gateway as INTERLOCK_CONSOLE_REALM_URL (and no other app), and
//    without it the gateway keeps its own realm (no variable);
//  - the console's origin (console.origin, else the ingress host) is rendered as the one redirect
//    URI and web origin of interlock-console, in the ConfigMap <release>-console-client;
//  - that client keeps every setting the realm file gives it (public, PKCE S256, code flow only):
//    applying it can change where the console lives, never how it logs in;
//  - an origin with a path, or a realm URL that is no URL, is refused before anything is applied.
//
//   node --test-reporter=tap console.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APPS, HERE, RELEASE, envOf, ofKind, render, renderProduction } from "./lib.mjs";

const REALM = JSON.parse(readFileSync(join(HERE, "..", "..", "deploy", "keycloak", "interlock-realm.json"), "utf8"));
const REALM_CLIENT = REALM.clients.find((c) => c.clientId === "interlock-console");
const FROM_VALUES = ["redirectUris", "webOrigins"];
const ATTRIBUTE_FROM_VALUES = "post.logout.redirect.uris";

const rendered = (args) => {
  const r = render(args);
  assert.ok(r.ok, r.stderr);
  return r.objects;
};
const consoleClient = (objs) => {
  const cm = ofKind(objs, "ConfigMap").find((c) => c.metadata.name === `${RELEASE}-console-client`);
  return cm ? JSON.parse(cm.data["interlock-console.json"]) : null;
};

test("production: the gateway names the realm browsers reach, and no other app gets it", () => {
  const objs = renderProduction();
  assert.equal(envOf(objs, "gateway").INTERLOCK_CONSOLE_REALM_URL, "https://login.example.gov.uk/realms/interlock");
  for (const app of APPS.filter((a) => a !== "gateway")) {
    assert.equal(envOf(objs, app).INTERLOCK_CONSOLE_REALM_URL, undefined, app);
  }
});

test("production: the console client's one redirect URI and web origin come from console.origin", () => {
  const client = consoleClient(renderProduction());
  assert.deepEqual(client.redirectUris, ["https://interlock.example.gov.uk/console/"]);
  assert.deepEqual(client.webOrigins, ["https://interlock.example.gov.uk"]);
  assert.equal(client.attributes[ATTRIBUTE_FROM_VALUES], "https://interlock.example.gov.uk/console/");
});

/** Where a rendered client differs from the realm file's interlock-console, beyond what values set. */
function realmDisagreements(client) {
  const v = [];
  for (const [key, value] of Object.entries(client)) {
    if (key === "attributes" || FROM_VALUES.includes(key)) continue;
    if (JSON.stringify(value) !== JSON.stringify(REALM_CLIENT[key])) v.push(key);
  }
  for (const [key, value] of Object.entries(client.attributes ?? {})) {
    if (key !== ATTRIBUTE_FROM_VALUES && value !== REALM_CLIENT.attributes[key]) v.push(`attributes.${key}`);
  }
  return v;
}

test("the rendered client keeps every other setting of the realm file's interlock-console", () => {
  const client = consoleClient(renderProduction());
  assert.ok(REALM_CLIENT, "deploy/keycloak/interlock-realm.json has interlock-console");
  assert.deepEqual(realmDisagreements(client), []);
  assert.equal(client.attributes["pkce.code.challenge.method"], "S256");
  assert.equal(client.publicClient, true);
  assert.equal(client.directAccessGrantsEnabled, false);
  assert.equal(client.implicitFlowEnabled, false);
});

test("default values: no realm override and no console client (no origin known)", () => {
  const objs = rendered([]);
  assert.equal(envOf(objs, "gateway").INTERLOCK_CONSOLE_REALM_URL, undefined);
  assert.equal(consoleClient(objs), null);
});

test("without console.origin the ingress host is the origin: https with TLS, http without", () => {
  assert.deepEqual(consoleClient(rendered(["--set", "ingress.enabled=true"])).webOrigins, ["http://interlock.example.org"]);
  const tls = rendered(["--set", "ingress.enabled=true", "--set", "ingress.tls[0].hosts[0]=interlock.example.org",
    "--set", "ingress.tls[0].secretName=tls"]);
  assert.deepEqual(consoleClient(tls).redirectUris, ["https://interlock.example.org/console/"]);
});

test("an origin with a path, or a realm URL that is no URL, is refused", () => {
  for (const bad of [["console.origin=https://interlock.example.org/console"], ["console.realmUrl=login.example.org"]]) {
    const r = render(["--set", bad[0]]);
    assert.equal(r.ok, false, `${bad[0]} accepted`);
    assert.match(r.stderr, /console/);
  }
});

test("mutation: a client that loosens PKCE or allows passwords is caught by the realm comparison", () => {
  const plain = consoleClient(renderProduction());
  plain.attributes["pkce.code.challenge.method"] = "plain";
  assert.deepEqual(realmDisagreements(plain), ["attributes.pkce.code.challenge.method"]);
  const passwords = consoleClient(renderProduction());
  passwords.directAccessGrantsEnabled = true;
  assert.deepEqual(realmDisagreements(passwords), ["directAccessGrantsEnabled"]);
});
