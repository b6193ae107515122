// Proves the isolation between the agencies from the RENDERED objects of the
// production values (helm template ... -f values-production.yaml), with the
// evaluators of isolation.mjs (the person index's own proofs: person-index.test.mjs):
//
//  (a) ingress: the NetworkPolicies selecting each service's pods (the four agencies
//      and the person index) admit only the gateway pods of this release (plus, when
//      networkPolicy.monitoring is on, Prometheus on 8080) - judged by evaluating
//      NetworkPolicy semantics against a model of the cluster full of other pods, not
//      by reading the values;
//  (b) egress: each app reaches exactly DNS, its Kafka brokers, ITS OWN database,
//      Keycloak, the OTLP collector if traced (and, for the gateway, the five services) -
//      where each one is comes from the app's rendered configuration (URLs), so a
//      policy and a configuration that disagree fail too;
//  (c) Kafka: the Strimzi KafkaUser ACLs give each service exactly its own topics,
//      the gateway exactly the cross-agency ones and its own (alerts, dead letters),
//      with no wildcard or prefix topic ACL; and each app's pods authenticate as that
//      app's own KafkaUser. The rendered topics are exactly docs/asyncapi.yaml's channels.
//
// Then it breaks the rendered objects on purpose (mutation tests) to show that
// each check does catch a leak.
//
//   node --test-reporter=tap isolation.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import {
  AGENCIES, APPS, HERE, NAMESPACE, RELEASE, SERVICES, component, deploymentOf, egressAllowed, envOf,
  ingressAllowed, ingressReach, kafkaAllowed, ofKind, PROBE_PORTS, render, renderProduction, selecting, selectorMatches,
} from "./lib.mjs";
import {
  ALERTS, AUDIT, CONSENTS, GATEWAY_DEADLETTER, TOPICS, aclViolations, databaseOf, deadletter, egressViolations, events,
  inbox, ingressViolations, names, noViolations, podsOf, state, worldOf,
} from "./isolation.mjs";

// ---------------------------------------------------------------- the tests --

const prod = renderProduction();
const prodNoScrape = renderProduction(["--set", "networkPolicy.monitoring.enabled=false"]);
const prodMonitoring = prod.some((o) => o.kind === "NetworkPolicy" && (o.spec.ingress ?? []).length > 1 && component(o) !== "gateway");

test("production render: the release is placed in the model", () => {
  const { pods } = worldOf(prod);
  for (const app of APPS) assert.equal(podsOf(pods, app).length, 2, app);
  assert.ok(prodMonitoring, "values-production.yaml admits Prometheus (monitoring.enabled) - the checks below account for it");
});

for (const app of SERVICES) {
  test(`(a) ${app}: with the Prometheus carve-out off, ingress ONLY from the gateway pods of this release, on 8080`, () => {
    const v = ingressViolations(prodNoScrape, { monitoring: false }).filter((x) => x.startsWith(`${app} `) || x.startsWith(`${app}:`));
    noViolations(v);
  });
  test(`(a) ${app}: production values, ingress only from the gateway pods and Prometheus, on 8080`, () => {
    const v = ingressViolations(prod, { monitoring: true }).filter((x) => x.startsWith(`${app} `) || x.startsWith(`${app}:`));
    noViolations(v);
  });
  test(`(a) ${app}: not reachable from the other services, a second release, or any other pod`, () => {
    const policies = ofKind(prod, "NetworkPolicy");
    const { world, pods } = worldOf(prod);
    const dst = podsOf(pods, app)[0];
    const intruders = [
      ...pods.filter((p) => p.app && p.app !== "gateway" && p !== dst), // other services and its own sibling
      ...pods.filter((p) => p.app === null), // the "staging" release's look-alike pods
      ...world.filter((e) => ["debug", "web", "tenant-b-app", "grafana", "ingress-nginx-controller", "internet"].includes(e.name)),
    ];
    for (const s of intruders) {
      for (const [pr, n] of PROBE_PORTS) {
        assert.ok(!ingressAllowed(policies, s, dst, pr, n), `${s.name} reaches ${app} on ${pr}/${n}`);
      }
    }
  });
}

test("(a) gateway: production ingress only from the ingress controller (and Prometheus) on 8080", () => {
  const policies = ofKind(prod, "NetworkPolicy");
  const { world, pods } = worldOf(prod);
  const dst = podsOf(pods, "gateway")[0];
  const admitted = names(ingressReach(policies, dst, world));
  assert.deepEqual(admitted, ["ingress-nginx/ingress-nginx-controller", "monitoring/prometheus-0"]);
});

test("(b) egress: every app reaches DNS, its Kafka, ITS OWN database, Keycloak, OTLP if traced (gateway: + the 5 services) and nothing else", () => {
  noViolations(egressViolations(prod));
});

for (const app of APPS) {
  test(`(b) ${app}: reaches its own database and no other app's database`, () => {
    const policies = ofKind(prod, "NetworkPolicy");
    const { world, pods } = worldOf(prod);
    const src = podsOf(pods, app)[0];
    const [own, port] = databaseOf(prod, world, app);
    assert.ok(own.length > 0);
    for (const e of own) assert.ok(egressAllowed(policies, src, e, "TCP", port), `${app} cannot reach its database ${e.name}`);
    const dbs = world.filter((e) => e.labels?.["cnpg.io/cluster"] || e.name.includes("-db"));
    for (const e of dbs) {
      if (own.includes(e)) continue;
      for (const [pr, n] of PROBE_PORTS) {
        assert.ok(!egressAllowed(policies, src, e, pr, n), `${app} reaches ${e.ns ?? "external"}/${e.name} on ${pr}/${n}`);
      }
    }
  });
}

test("(b) services cannot call each other or the gateway; the gateway calls all five services", () => {
  const policies = ofKind(prod, "NetworkPolicy");
  const { pods } = worldOf(prod);
  for (const a of APPS) {
    for (const b of APPS) {
      if (a === b) continue;
      const ok = egressAllowed(policies, podsOf(pods, a)[0], podsOf(pods, b)[0], "TCP", 8080) &&
        ingressAllowed(policies, podsOf(pods, a)[0], podsOf(pods, b)[0], "TCP", 8080);
      assert.equal(ok, a === "gateway", `${a} -> ${b}:8080 ${ok ? "allowed" : "denied"}`);
    }
  }
});

test("(b) no egress rule of the release allows every destination", () => {
  for (const pol of ofKind(prod, "NetworkPolicy")) {
    for (const rule of pol.spec.egress ?? []) {
      assert.ok(rule.to?.length > 0, `${pol.metadata.name}: egress rule without "to"`);
      for (const peer of rule.to) {
        assert.ok(!peer.ipBlock || Number(peer.ipBlock.cidr.split("/")[1]) >= 16, `${pol.metadata.name}: wide ipBlock ${peer.ipBlock?.cidr}`);
        assert.ok(peer.ipBlock || peer.podSelector || peer.namespaceSelector?.matchLabels, `${pol.metadata.name}: peer matches all`);
      }
    }
  }
});

test("(c) Kafka ACLs: exactly the least-privilege rules, literal topics, own identity per app", () => {
  noViolations(aclViolations(prod));
});

for (const app of AGENCIES) {
  test(`(c) ${app}: writes only its events and state (+deadletter${app === "partners" ? ", consents" : ""}), reads only its inbox (+deadletter), no prefix/wildcard topic ACL`, () => {
    const u = ofKind(prod, "KafkaUser").find((x) => component(x) === app);
    const probe = [...new Set([...TOPICS, AUDIT])];
    const writes = probe.filter((t) => kafkaAllowed(u, "topic", t, "Write")).sort();
    const reads = probe.filter((t) => kafkaAllowed(u, "topic", t, "Read")).sort();
    assert.deepEqual(writes, [events(app), state(app), deadletter(app), ...(app === "partners" ? [CONSENTS] : [])].sort());
    assert.deepEqual(reads, [inbox(app), deadletter(app)].sort());
    for (const a of u.spec.authorization.acls) {
      if (a.resource.type !== "topic") continue;
      assert.equal(a.resource.patternType, "literal", `${app}: ${a.resource.patternType} ACL on ${a.resource.name}`);
      assert.ok(!a.resource.name.includes("*"), `${app}: wildcard ACL`);
    }
  });
}

test("(c) gateway: alone reads the four events (prisons': and the person index) and state topics and consents, alone writes the four inboxes, its alerts and dead letters (read by none); no one touches an audit topic", () => {
  const users = ofKind(prod, "KafkaUser");
  const can = (topic, op) => users.filter((u) => kafkaAllowed(u, "topic", topic, op)).map(component);
  for (const a of AGENCIES) {
    assert.deepEqual(can(events(a), "Read"), a === "prisons" ? ["gateway", "people"] : ["gateway"]);
    assert.deepEqual(can(state(a), "Read"), ["gateway"]);
    assert.deepEqual(can(state(a), "Write"), [a]);
    assert.deepEqual(can(inbox(a), "Write"), ["gateway"]);
  }
  assert.deepEqual(can(CONSENTS, "Read"), ["gateway"]);
  for (const own of [ALERTS, GATEWAY_DEADLETTER]) {
    assert.deepEqual(can(own, "Write"), ["gateway"], `Write ${own}`);
    assert.deepEqual(can(own, "Describe"), ["gateway"], `Describe ${own}`);
    assert.deepEqual(can(own, "Read"), [], `Read ${own}`);
  }
  for (const op of ["Read", "Write", "Describe"]) assert.deepEqual(can(AUDIT, op), [], `${op} ${AUDIT}`);
  assert.ok(!ofKind(prod, "KafkaTopic").some((t) => t.spec.topicName === AUDIT), `${AUDIT} is rendered`);
  const gw = users.find((u) => component(u) === "gateway");
  assert.ok(kafkaAllowed(gw, "transactionalId", "interlock-gateway-tx-1", "Write"));
  assert.ok(kafkaAllowed(gw, "transactionalId", "interlock-gateway-tx-1", "Describe"));
  assert.ok(kafkaAllowed(gw, "cluster", "kafka-cluster", "IdempotentWrite"));
});

test("(c) every agency has its state topic, compacted, so that it keeps each entity's last state only (ADR 0012)", () => {
  for (const a of AGENCIES) {
    const topic = ofKind(prod, "KafkaTopic").find((t) => t.spec.topicName === state(a));
    assert.ok(topic, `${state(a)} is not rendered`);
    assert.equal(topic.spec.config?.["cleanup.policy"], "compact", `${state(a)} is not compacted`);
  }
});

test("default values (development): (a) and (b) hold as well", () => {
  const r = render([]);
  assert.ok(r.ok, r.stderr);
  noViolations(ingressViolations(r.objects, { monitoring: false }));
  noViolations(egressViolations(r.objects));
});

test("(c) with Strimzi tls users (mTLS), each app presents its own KafkaUser's certificate", () => {
  const objs = renderProduction(["--set", "strimzi.users.authentication=tls", "--set", "kafka.securityProtocol=SSL", "--set", "kafka.saslMechanism="]);
  noViolations(aclViolations(objs));
  for (const app of APPS) {
    const env = envOf(objs, app);
    assert.equal(env.KAFKA_SSL_KEYSTORE_TYPE, "PKCS12");
    assert.equal(env.KAFKA_SASL_JAAS_CONFIG, undefined);
    assert.deepEqual(env.KAFKA_SSL_KEYSTORE_PASSWORD, { secret: `${RELEASE}-${app}`, key: "user.password" });
  }
});

// ------------------------------------------------- the checks catch leaks --

const clone = (x) => structuredClone(x);

test("mutation: a service pointed at another agency's database is caught by (b)", () => {
  const bad = renderProduction(["--set", "apps.probation.database.network.podSelector.matchLabels.cnpg\\.io/cluster=interlock-prisons-db"]);
  const v = egressViolations(bad);
  assert.ok(v.some((x) => x === "probation can reach the prisons database (prod-prisons-db-1)"), v.join("\n"));
  assert.ok(v.some((x) => x.startsWith("probation cannot reach its database")), v.join("\n"));
});

test("mutation: an extra NetworkPolicy admitting the namespace to a service is caught by (a)", () => {
  const bad = clone(prodNoScrape);
  bad.push({
    apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy",
    metadata: { name: "allow-same-namespace", namespace: NAMESPACE },
    spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }] }] },
  });
  const v = ingressViolations(bad, { monitoring: false });
  assert.ok(v.some((x) => x.startsWith("prisons admits interlock/interlock-probation")), v.join("\n"));
  assert.ok(v.some((x) => x.startsWith("prisons admits interlock/debug")), v.join("\n"));
});

test("mutation: an open egress rule is caught by (b)", () => {
  const bad = clone(prod);
  bad.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === `${RELEASE}-intelligence`).spec.egress.push({ ports: [{ port: 5432 }] });
  const v = egressViolations(bad);
  assert.ok(v.some((x) => x.startsWith("intelligence can reach the prisons database")), v.join("\n"));
});

test("mutation: a prefix topic ACL on a service is caught by (c)", () => {
  const bad = clone(prod);
  const u = bad.find((o) => o.kind === "KafkaUser" && component(o) === "prisons");
  u.spec.authorization.acls.push({ resource: { type: "topic", name: "interlock.", patternType: "prefix" }, operations: ["Read"] });
  const v = aclViolations(bad);
  assert.ok(v.some((x) => x.includes("prefix topic ACL interlock.")), v.join("\n"));
  assert.ok(v.some((x) => x.startsWith("Read interlock.probation.events: allowed to [gateway,prisons]")), v.join("\n"));
});

test("mutation: a wildcard literal topic ACL is caught by (c)", () => {
  const bad = clone(prod);
  const u = bad.find((o) => o.kind === "KafkaUser" && component(o) === "partners");
  u.spec.authorization.acls.push({ resource: { type: "topic", name: "*", patternType: "literal" }, operations: ["Describe"] });
  const v = aclViolations(bad);
  assert.ok(v.some((x) => x.includes("wildcard ACL on topic *")), v.join("\n"));
});

test("mutation: two apps sharing one Kafka identity is caught by (c)", () => {
  const bad = clone(prod);
  const dep = bad.find((o) => o.kind === "Deployment" && component(o) === "prisons");
  const env = dep.spec.template.spec.containers[0].env.find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG");
  env.valueFrom.secretKeyRef.name = `${RELEASE}-gateway`;
  const v = aclViolations(bad);
  assert.ok(v.some((x) => x.startsWith("prisons: pods authenticate with Secret interlock-gateway")), v.join("\n"));
});

test("mutation: a leftover ACL on the retired audit topic is caught by (c)", () => {
  const bad = clone(prod);
  const u = bad.find((o) => o.kind === "KafkaUser" && component(o) === "gateway");
  u.spec.authorization.acls.push({ resource: { type: "topic", name: AUDIT, patternType: "literal" }, operations: ["Read", "Write"] });
  const v = aclViolations(bad);
  assert.ok(v.includes(`gateway: ACL on unknown topic ${AUDIT}`), v.join("\n"));
  assert.ok(v.some((x) => x.startsWith(`Write ${AUDIT}: allowed to [gateway], expected []`)), v.join("\n"));
});

test("mutation: a service reading the gateway's dead letters, or writing its alerts, is caught by (c)", () => {
  const bad = clone(prod);
  const u = bad.find((o) => o.kind === "KafkaUser" && component(o) === "prisons");
  u.spec.authorization.acls.push({ resource: { type: "topic", name: GATEWAY_DEADLETTER, patternType: "literal" }, operations: ["Read"] });
  u.spec.authorization.acls.push({ resource: { type: "topic", name: ALERTS, patternType: "literal" }, operations: ["Write"] });
  const v = aclViolations(bad);
  assert.ok(v.includes(`Read ${GATEWAY_DEADLETTER}: allowed to [prisons], expected []`), v.join("\n"));
  assert.ok(v.includes(`Write ${ALERTS}: allowed to [gateway,prisons], expected [gateway]`), v.join("\n"));
});

test("mutation: a missing KafkaTopic for the gateway's alerts is caught by (c)", () => {
  const bad = clone(prod).filter((o) => !(o.kind === "KafkaTopic" && o.spec.topicName === ALERTS));
  const v = aclViolations(bad);
  assert.ok(v.some((x) => x.startsWith("KafkaTopics ") && x.includes("differ from")), v.join("\n"));
});

// The chart creates the topics the applications use: those the event contract declares.
test("(c) the rendered KafkaTopics are exactly the channels of docs/asyncapi.yaml", () => {
  const contract = parseYaml(readFileSync(join(HERE, "..", "..", "docs", "asyncapi.yaml"), "utf8"));
  const channels = Object.values(contract.channels).map((c) => c.address).sort();
  const rendered = ofKind(prod, "KafkaTopic").map((t) => t.spec.topicName).sort();
  assert.deepEqual(rendered, channels);
  assert.deepEqual(rendered, [...TOPICS].sort());
});

test("sanity: every agency and the gateway are distinct pods with distinct selectors", () => {
  const { pods } = worldOf(prod);
  for (const a of APPS) {
    for (const b of APPS) {
      if (a === b) continue;
      const dep = deploymentOf(prod, a);
      assert.ok(!podsOf(pods, b).some((p) => selectorMatches(dep.spec.selector, p.labels)), `${a}'s selector matches ${b}'s pods`);
    }
  }
});

// The ACLs above are only as good as their match with the ids the applications really use: a
// consumer group or transactional id outside them is refused by the broker in production. Read
// those ids from the applications' own configuration and code, not from a copy of them.
test("(c) the consumer groups and transactional ids the applications use are the ones their ACLs allow", () => {
  const repo = join(HERE, "..", "..");
  const gatewayConfig = readFileSync(join(repo, "gateway/src/main/resources/application.properties"), "utf8");
  const gatewayGroups = [...gatewayConfig.matchAll(
    /^(?:mp\.messaging\.incoming\.[a-z-]+\.group\.id|interlock\.exchange\.group)=(.+)$/gm)]
    .map((m) => m[1].replace("${quarkus.uuid}", "0b1c"));
  const loop = readFileSync(join(repo, "gateway/src/main/java/org/interlock/gateway/exchange/ExchangeLoop.java"), "utf8");
  const transactional = /"transactional\.id", "([^"]+)"/.exec(loop);
  const gateway = ofKind(prod, "KafkaUser").find((x) => component(x) === "gateway");
  // The exchange's; the views' and the feed log's readers assign themselves partitions without a
  // group (ADR 0012), so they need no group ACL: checked in their code.
  assert.ok(gatewayGroups.length >= 1, `found only ${gatewayGroups.length} gateway consumer groups`);
  const reader = readFileSync(join(repo, "gateway/src/main/java/org/interlock/gateway/topics/TopicReader.java"), "utf8");
  assert.match(reader, /config\.remove\("group\.id"\)/, "the gateway's topic readers join no consumer group");
  assert.ok(transactional, "the exchange's transactional id is where this test looks for it");
  for (const group of gatewayGroups) {
    assert.ok(kafkaAllowed(gateway, "group", group, "Read"), `gateway: consumer group ${group} is not allowed`);
  }
  const txn = transactional[1] + "0b1c";
  assert.ok(kafkaAllowed(gateway, "transactionalId", txn, "Write"), `gateway: transactional id ${txn} is not allowed`);

  const serviceConfig = readFileSync(join(repo,
    "libs/agency-service/src/main/resources/META-INF/microprofile-config.properties"), "utf8");
  const serviceGroups = [...serviceConfig.matchAll(/^mp\.messaging\.incoming\.[a-z-]+\.group\.id=(.+)$/gm)]
    .map((m) => m[1]);
  assert.ok(serviceGroups.length >= 1);
  for (const app of AGENCIES) {
    const user = ofKind(prod, "KafkaUser").find((x) => component(x) === app);
    for (const group of serviceGroups.map((g) => g.replace("${interlock.agency}", app))) {
      assert.ok(kafkaAllowed(user, "group", group, "Read"), `${app}: consumer group ${group} is not allowed`);
    }
  }
});
