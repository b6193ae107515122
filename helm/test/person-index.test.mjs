// The person index (services/people, ADR 0014) in the chart, proved from the RENDERED objects of
// the production values like the agencies' isolation (isolation.mjs):
//
//  - Kafka: it writes its own three topics only, reads prisons' events and its dead letters, and
//    can read no agency's inbox, state or dead letters and write no agency topic;
//  - network: only the gateway reaches it, and it reaches only its own database (no tracing, so
//    no collector either);
//  - who acts: its actor secret is in the gateway and in the index, and in no other pod;
//  - the ids it uses (topics, consumer group) are read from its own configuration and code.
//
// Each check is then shown to catch a leak (mutation tests).
//
//   node --test-reporter=tap person-index.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AGENCIES, APPS, HERE, RELEASE, SERVICES, TRACED, component, egressAllowed, envOf, ingressAllowed, kafkaAllowed,
  ofKind, PROBE_PORTS, renderProduction,
} from "./lib.mjs";
import {
  CONSENTS, PEOPLE_DEADLETTER, PEOPLE_EVENTS, PEOPLE_LINKS, TOPICS, aclViolations, deadletter, egressViolations, events,
  inbox, ingressViolations, noViolations, podsOf, state, worldOf,
} from "./isolation.mjs";

const REPO = join(HERE, "..", "..");
const prod = renderProduction();
const prodNoScrape = renderProduction(["--set", "networkPolicy.monitoring.enabled=false"]);
const clone = (x) => structuredClone(x);
const userOf = (objs, app) => ofKind(objs, "KafkaUser").find((u) => component(u) === app);

// ------------------------------------------------------------------- Kafka --

/** Violations of "the index touches prisons' events and its own topics, and no other agency topic". */
function indexTopicViolations(objs) {
  const v = [];
  const u = userOf(objs, "people");
  if (!u) return ["people: no KafkaUser"];
  const agencyTopics = [...AGENCIES.flatMap((a) => [events(a), state(a), inbox(a), deadletter(a)]), CONSENTS];
  for (const topic of agencyTopics) {
    for (const op of ["Read", "Write", "Describe"]) {
      const want = topic === events("prisons") && op !== "Write";
      if (kafkaAllowed(u, "topic", topic, op) !== want) v.push(`people: ${op} ${topic} ${want ? "refused" : "allowed"}`);
    }
  }
  const can = (op) => TOPICS.filter((t) => kafkaAllowed(u, "topic", t, op)).sort();
  const writes = can("Write");
  const reads = can("Read");
  const wantWrites = [PEOPLE_EVENTS, PEOPLE_LINKS, PEOPLE_DEADLETTER].sort();
  const wantReads = [events("prisons"), PEOPLE_DEADLETTER].sort();
  if (JSON.stringify(writes) !== JSON.stringify(wantWrites)) v.push(`people writes [${writes}], expected [${wantWrites}]`);
  if (JSON.stringify(reads) !== JSON.stringify(wantReads)) v.push(`people reads [${reads}], expected [${wantReads}]`);
  for (const a of u.spec.authorization.acls) {
    if (a.resource.type === "transactionalId") v.push(`people: transactionalId ACL ${a.resource.name}`);
    if (a.resource.type === "group" && a.resource.patternType !== "literal") v.push(`people: ${a.resource.patternType} group ACL`);
  }
  return v;
}

test("(c) the person index writes only its events, links and dead letters, reads only prisons' events and its dead letters", () => {
  noViolations(indexTopicViolations(prod));
});

test("(c) the person index can read no agency's inbox or state and write no agency topic", () => {
  const u = userOf(prod, "people");
  for (const a of AGENCIES) {
    for (const topic of [inbox(a), state(a), deadletter(a)]) assert.ok(!kafkaAllowed(u, "topic", topic, "Read"), `reads ${topic}`);
    for (const topic of [events(a), state(a), inbox(a), deadletter(a)]) assert.ok(!kafkaAllowed(u, "topic", topic, "Write"), `writes ${topic}`);
  }
  assert.ok(!kafkaAllowed(u, "topic", CONSENTS, "Write"), `writes ${CONSENTS}`);
});

test("(c) of the index's topics, only the gateway reads its links and nobody else touches them", () => {
  const can = (topic, op) => ofKind(prod, "KafkaUser").filter((u) => kafkaAllowed(u, "topic", topic, op)).map(component);
  assert.deepEqual(can(PEOPLE_LINKS, "Read"), ["gateway"]);
  assert.deepEqual(can(PEOPLE_EVENTS, "Read"), []);
  for (const topic of [PEOPLE_EVENTS, PEOPLE_LINKS, PEOPLE_DEADLETTER]) assert.deepEqual(can(topic, "Write"), ["people"], topic);
  assert.deepEqual(can(PEOPLE_DEADLETTER, "Read"), ["people"]);
  const links = ofKind(prod, "KafkaTopic").find((t) => t.spec.topicName === PEOPLE_LINKS);
  assert.equal(links?.spec.config?.["cleanup.policy"], "compact", `${PEOPLE_LINKS} keeps each reference's last link`);
});

// The ACLs are only as good as their match with what the index really uses: read its topics and
// consumer group from its configuration and code, not from a copy of them.
test("(c) the topics and consumer group the index's configuration and code name are the ones its ACLs allow", () => {
  const config = readFileSync(join(REPO, "services/people/src/main/resources/application.properties"), "utf8");
  const values = (re) => [...config.matchAll(re)].map((m) => m[1]);
  const outgoing = values(/^mp\.messaging\.outgoing\.[a-z-]+\.topic=(.+)$/gm);
  const incoming = values(/^mp\.messaging\.incoming\.[a-z-]+\.topic=(.+)$/gm);
  const deadLetters = values(/^mp\.messaging\.incoming\.[a-z-]+\.dead-letter-queue\.topic=(.+)$/gm);
  const groups = values(/^mp\.messaging\.incoming\.[a-z-]+\.group\.id=(.+)$/gm);
  // The relay sends each outbox row to the topic the row names: the events topic and the links topic.
  const vocabulary = readFileSync(join(REPO, "libs/contracts/src/main/java/org/interlock/contracts/PersonIndex.java"), "utf8");
  const links = /LINKS_TOPIC = "([^"]+)"/.exec(vocabulary)?.[1];
  assert.ok(outgoing.length >= 1 && incoming.length >= 1 && deadLetters.length >= 1 && groups.length >= 1 && links,
    "the index's topics and group are where this test looks for them");
  const u = userOf(prod, "people");
  for (const t of [...outgoing, ...deadLetters, links]) assert.ok(kafkaAllowed(u, "topic", t, "Write"), `cannot write ${t}`);
  for (const t of [...incoming, ...deadLetters]) assert.ok(kafkaAllowed(u, "topic", t, "Read"), `cannot read ${t}`);
  for (const g of groups) assert.ok(kafkaAllowed(u, "group", g, "Read"), `cannot use consumer group ${g}`);
  for (const t of [...outgoing, ...incoming, ...deadLetters, links]) {
    assert.ok(ofKind(prod, "KafkaTopic").some((k) => k.spec.topicName === t), `no KafkaTopic ${t}`);
  }
  assert.ok(kafkaAllowed(u, "cluster", "kafka-cluster", "IdempotentWrite"), "its producer is idempotent");
});

// ----------------------------------------------------------------- network --

test("(a) only the gateway reaches the person index: no agency service, second release or other pod", () => {
  noViolations(ingressViolations(prodNoScrape, { monitoring: false }).filter((x) => x.startsWith("people")));
  const policies = ofKind(prod, "NetworkPolicy");
  const { pods } = worldOf(prod);
  const dst = podsOf(pods, "people")[0];
  assert.ok(ingressAllowed(policies, podsOf(pods, "gateway")[0], dst, "TCP", 8080), "the gateway cannot reach the index");
  for (const src of pods.filter((p) => p.app !== "gateway" && p !== dst)) {
    for (const [pr, n] of PROBE_PORTS) {
      const through = egressAllowed(policies, src, dst, pr, n) && ingressAllowed(policies, src, dst, pr, n);
      assert.ok(!through, `${src.name} reaches the index on ${pr}/${n}`);
    }
  }
});

test("(b) the index reaches its own database, Kafka, Keycloak and DNS only: no service, no collector", () => {
  noViolations(egressViolations(prod).filter((x) => x.startsWith("people")));
  const policies = ofKind(prod, "NetworkPolicy");
  const { world, pods } = worldOf(prod);
  const src = podsOf(pods, "people")[0];
  for (const other of [...APPS.filter((a) => a !== "people").flatMap((a) => podsOf(pods, a)),
    ...world.filter((e) => e.name === "otel-collector-0")]) {
    for (const [pr, n] of PROBE_PORTS) assert.ok(!egressAllowed(policies, src, other, pr, n), `reaches ${other.name} on ${pr}/${n}`);
  }
});

test("the gateway calls the index at its Service, on the Service port", () => {
  const url = envOf(prod, "gateway").INTERLOCK_SERVICE_PEOPLE_URL;
  const svc = ofKind(prod, "Service").find((s) => component(s) === "people");
  assert.equal(url, `http://${svc.metadata.name}:${svc.spec.ports[0].port}`);
});

// Tracing is configured (and its egress opened) only for the apps that have Quarkus OpenTelemetry.
test("OpenTelemetry settings go exactly to the apps built with quarkus-opentelemetry", () => {
  const pomOf = { gateway: "gateway/pom.xml", people: "services/people/pom.xml" };
  for (const app of APPS) {
    const pom = readFileSync(join(REPO, pomOf[app] ?? "libs/agency-service/pom.xml"), "utf8");
    const traced = pom.includes("<artifactId>quarkus-opentelemetry</artifactId>");
    assert.equal(traced, TRACED.includes(app), `${app}: quarkus-opentelemetry ${traced ? "present" : "absent"}`);
    assert.equal(envOf(prod, app).INTERLOCK_OTEL_DISABLED, traced ? "false" : undefined, app);
  }
});

// ---------------------------------------------------------------- who acts --

/** Apps whose pods get a Secret, by env or volume. */
function holdersOf(objs, secretName) {
  return ofKind(objs, "Deployment").filter((d) => {
    const pod = d.spec.template.spec;
    const env = pod.containers.flatMap((c) => c.env ?? []);
    return env.some((e) => e.valueFrom?.secretKeyRef?.name === secretName) ||
      (pod.volumes ?? []).some((v) => v.secret?.secretName === secretName);
  }).map(component).sort();
}

test("the index's actor secret is in the gateway (to vouch) and in the index (to verify), in no other pod", () => {
  assert.deepEqual(holdersOf(prod, "interlock-actor-people"), ["gateway", "people"]);
  assert.deepEqual(envOf(prod, "gateway").INTERLOCK_ACTOR_PEOPLE_SECRET, { secret: "interlock-actor-people", key: "secret" });
  assert.equal(envOf(prod, "gateway").INTERLOCK_ACTOR_PEOPLE_KEY_ID, "1");
  assert.deepEqual(envOf(prod, "people").INTERLOCK_ACTOR_SECRET, { secret: "interlock-actor-people", key: "secret" });
  for (const svc of SERVICES.filter((s) => s !== "people")) {
    assert.deepEqual(holdersOf(prod, `interlock-actor-${svc}`), ["gateway", svc], `interlock-actor-${svc}`);
  }
});

// ------------------------------------------------- the checks catch leaks --

test("mutation: the index granted an agency's inbox, or a write on its events, is caught", () => {
  const bad = clone(prod);
  userOf(bad, "people").spec.authorization.acls.push(
    { resource: { type: "topic", name: inbox("probation"), patternType: "literal" }, operations: ["Read"] },
    { resource: { type: "topic", name: events("prisons"), patternType: "literal" }, operations: ["Write"] });
  const v = indexTopicViolations(bad);
  assert.ok(v.includes(`people: Read ${inbox("probation")} allowed`), v.join("\n"));
  assert.ok(v.includes(`people: Write ${events("prisons")} allowed`), v.join("\n"));
  assert.ok(aclViolations(bad).some((x) => x.startsWith(`Read ${inbox("probation")}: allowed to [probation,people]`)));
});

test("mutation: an agency pod admitted to the index is caught", () => {
  const bad = clone(prodNoScrape);
  const policy = bad.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === `${RELEASE}-people`);
  policy.spec.ingress[0].from.push({ podSelector: { matchLabels: { "app.kubernetes.io/component": "prisons" } } });
  const v = ingressViolations(bad, { monitoring: false });
  assert.ok(v.some((x) => x.startsWith(`people admits interlock/${RELEASE}-prisons-`)), v.join("\n"));
});

test("mutation: the index's actor secret mounted in an agency pod is caught", () => {
  const bad = clone(prod);
  const dep = bad.find((o) => o.kind === "Deployment" && component(o) === "partners");
  dep.spec.template.spec.containers[0].env.push({
    name: "INTERLOCK_ACTOR_PEOPLE_SECRET", valueFrom: { secretKeyRef: { name: "interlock-actor-people", key: "secret" } },
  });
  assert.deepEqual(holdersOf(bad, "interlock-actor-people"), ["gateway", "partners", "people"]);
});
