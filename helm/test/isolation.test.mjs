// Proves the isolation between the agencies from the RENDERED objects of the
// production values (helm template ... -f values-production.yaml):
//
//  (a) ingress: the NetworkPolicies selecting each service's pods admit only the
//      gateway pods of this release (plus, when networkPolicy.monitoring is on,
//      Prometheus on 8080) - judged by evaluating NetworkPolicy semantics against
//      a model of the cluster full of other pods, not by reading the values;
//  (b) egress: each app reaches exactly DNS, its Kafka brokers, ITS OWN database,
//      Keycloak, the OTLP collector (and, for the gateway, the four services) -
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
  AGENCIES, APPS, HERE, NAMESPACE, RELEASE, component, deploymentOf, egressAllowed, egressReach, envOf,
  infrastructure, ingressAllowed, ingressReach, kafkaAllowed, ofKind, PROBE_PORTS, releasePods,
  render, renderProduction, resolve, selecting, selectorMatches,
} from "./lib.mjs";

// ------------------------------------------------------------------ helpers --

function noViolations(v) {
  assert.equal(v.length, 0, `${v.length} violation(s):\n  ${v.join("\n  ")}`);
}

function hostPort(url, defaultPort) {
  const u = new URL(url);
  return [u.hostname, Number(u.port || defaultPort(u.protocol))];
}

function worldOf(objs) {
  const pods = releasePods(objs);
  return { world: [...infrastructure(), ...pods], pods };
}

const podsOf = (pods, app) => pods.filter((p) => p.app === app);
const names = (eps) => eps.map((e) => `${e.ns ? e.ns + "/" : ""}${e.name}`).sort();

/** Where an app's configuration says its database is: [endpoints, port]. */
function databaseOf(objs, world, app) {
  const env = envOf(objs, app);
  const [host, port] = hostPort(env.QUARKUS_DATASOURCE_JDBC_URL.replace(/^jdbc:/, ""), () => 5432);
  return [resolve(world, host), port];
}

// -------------------------------------------------------------- (a) ingress --

/** Violations of "only the gateway pods (and Prometheus, if allowed) reach a service". */
export function ingressViolations(objs, { monitoring }) {
  const v = [];
  const policies = ofKind(objs, "NetworkPolicy");
  const { world, pods } = worldOf(objs);
  const gatewayPods = podsOf(pods, "gateway");
  const prometheus = world.filter((e) => e.name === "prometheus-0");

  for (const app of AGENCIES) {
    for (const dst of podsOf(pods, app)) {
      if (selecting(policies, dst, "Ingress").length === 0) v.push(`${app}: no NetworkPolicy isolates its ingress`);
      if (selecting(policies, dst, "Egress").length === 0) v.push(`${app}: no NetworkPolicy isolates its egress`);
      const expected = [...gatewayPods, ...(monitoring ? prometheus : [])];
      const admitted = ingressReach(policies, dst, world);
      for (const s of admitted) if (!expected.includes(s)) v.push(`${app} admits ${s.ns ?? ""}/${s.name}`);
      for (const s of expected) if (!admitted.includes(s)) v.push(`${app} does not admit ${s.name}`);
      // Only on the HTTP port.
      for (const s of expected) {
        for (const [pr, n] of PROBE_PORTS) {
          if (n !== 8080 && ingressAllowed(policies, s, dst, pr, n)) v.push(`${app} admits ${s.name} on ${pr}/${n}`);
        }
      }
    }
  }
  return [...new Set(v)];
}

// --------------------------------------------------------------- (b) egress --

/** Violations of "each app reaches exactly what its configuration needs, and only its own database". */
export function egressViolations(objs) {
  const v = [];
  const policies = ofKind(objs, "NetworkPolicy");
  const { world, pods } = worldOf(objs);
  const dbOf = Object.fromEntries(APPS.map((a) => [a, databaseOf(objs, world, a)]));

  for (const app of APPS) {
    const env = envOf(objs, app);
    const src = podsOf(pods, app)[0];
    const need = []; // [endpoints, proto, port, what]
    need.push([world.filter((e) => e.labels?.["k8s-app"] === "kube-dns"), "UDP", 53, "DNS"]);
    for (const hp of env.KAFKA_BOOTSTRAP_SERVERS.split(",")) {
      const [h, p] = hp.split(":");
      need.push([resolve(world, h), "TCP", Number(p), `Kafka ${hp}`]);
    }
    need.push([dbOf[app][0], "TCP", dbOf[app][1], "its database"]);
    const [kh, kp] = hostPort(env.INTERLOCK_KEYCLOAK_URL, (s) => (s === "https:" ? 443 : 80));
    need.push([resolve(world, kh), "TCP", kp, "Keycloak"]);
    if (env.INTERLOCK_OTEL_DISABLED === "false") {
      const [oh, op] = hostPort(env.OTEL_EXPORTER_OTLP_ENDPOINT, () => 4317);
      need.push([resolve(world, oh), "TCP", op, "OTLP"]);
    }
    if (app === "gateway") {
      for (const ag of AGENCIES) {
        const [sh, sp] = hostPort(env[`INTERLOCK_SERVICE_${ag.toUpperCase()}_URL`], () => 80);
        const svc = ofKind(objs, "Service").find((s) => s.metadata.name === sh);
        if (!svc) { v.push(`gateway: no Service ${sh}`); continue; }
        const port = svc.spec.ports.find((p) => p.port === sp);
        const targets = pods.filter((p) => p.ns === svc.metadata.namespace && selectorMatches({ matchLabels: svc.spec.selector }, p.labels));
        const tport = typeof port.targetPort === "string"
          ? targets[0].ports.find((x) => x[2] === port.targetPort)[1] : port.targetPort;
        need.push([targets, "TCP", tport, `service ${ag}`]);
      }
    }

    for (const [eps, pr, port, what] of need) {
      if (eps.length === 0) v.push(`${app}: the model has no endpoint for ${what}`);
      for (const e of eps) {
        if (!egressAllowed(policies, src, e, pr, port)) v.push(`${app} cannot reach ${what} (${e.name} ${pr}/${port})`);
      }
    }
    const expected = new Set(need.flatMap(([eps]) => eps));
    const reach = egressReach(policies, src, world);
    for (const e of reach) if (!expected.has(e)) v.push(`${app} can reach ${e.ns ?? "external"}/${e.name}`);

    // The point of it all, said outright: never another app's database.
    for (const other of APPS) {
      if (other === app) continue;
      for (const e of dbOf[other][0]) {
        if (reach.includes(e)) v.push(`${app} can reach the ${other} database (${e.name})`);
      }
    }
  }
  return [...new Set(v)];
}

// ------------------------------------------------------------ (c) Kafka ACLs --

const events = (a) => `interlock.${a}.events`;
const inbox = (a) => `interlock.inbox.${a}`;
const deadletter = (a) => `interlock.${a}.deadletter`;
// Each agency's compacted state topic, read by the gateway's views (ADR 0012).
const state = (a) => `interlock.${a}.state`;
const CONSENTS = "interlock.consents";
// The gateway's own: its alerts to the agencies (no reader granted yet) and the agency events its
// exchange could not decide on (read by operators, with the cluster's admin credentials).
const ALERTS = "interlock.gateway.alerts";
const GATEWAY_DEADLETTER = "interlock.gateway.deadletter";
// Gone: the audit log is sequenced in the gateway's PostgreSQL database. Probed so that no
// stale grant on it survives.
const AUDIT = "interlock.audit";
// The person index's (ADR 0014): its events, and the compacted links the gateway's decisions follow.
// The chart does not run the index yet, so nobody is granted their writes.
const PEOPLE_EVENTS = "interlock.people.events";
const PEOPLE_LINKS = "interlock.people.links";
export const TOPICS = [...AGENCIES.flatMap((a) => [events(a), state(a), inbox(a), deadletter(a)]), CONSENTS, ALERTS,
  GATEWAY_DEADLETTER, PEOPLE_EVENTS, PEOPLE_LINKS];

/** Who may Read and who may Write each topic (the least-privilege rules of the brief). */
export function expectedTopicAccess() {
  const t = {};
  for (const a of AGENCIES) {
    t[events(a)] = { Read: ["gateway"], Write: [a] };
    t[inbox(a)] = { Read: [a], Write: ["gateway"] };
    t[deadletter(a)] = { Read: [a], Write: [a] };
    t[state(a)] = { Read: ["gateway"], Write: [a] };
  }
  t[CONSENTS] = { Read: ["gateway"], Write: ["partners"] };
  t[ALERTS] = { Read: [], Write: ["gateway"] };
  t[GATEWAY_DEADLETTER] = { Read: [], Write: ["gateway"] };
  t[PEOPLE_EVENTS] = { Read: [], Write: [] };
  t[PEOPLE_LINKS] = { Read: ["gateway"], Write: [] };
  return t;
}

export function aclViolations(objs) {
  const v = [];
  const users = ofKind(objs, "KafkaUser");
  const userOf = {};
  for (const app of APPS) {
    const u = users.filter((x) => component(x) === app);
    if (u.length !== 1) { v.push(`${app}: expected one KafkaUser, found ${u.length}`); continue; }
    userOf[app] = u[0];
    if (u[0].spec.authorization?.type !== "simple") v.push(`${app}: authorization is not simple`);
    if (!["scram-sha-512", "tls"].includes(u[0].spec.authentication?.type)) v.push(`${app}: authentication ${u[0].spec.authentication?.type}`);
  }
  if (users.length !== APPS.length) v.push(`expected ${APPS.length} KafkaUsers, found ${users.length}`);
  if (Object.keys(userOf).length !== APPS.length) return v;

  // Each app's pods authenticate as that app's own KafkaUser (the principal is the user's name).
  const principals = new Set();
  for (const app of APPS) {
    const dep = deploymentOf(objs, app);
    const env = envOf(objs, app);
    const u = userOf[app];
    let secret;
    if (u.spec.authentication.type === "scram-sha-512") {
      secret = env.KAFKA_SASL_JAAS_CONFIG?.secret;
      if (env.KAFKA_SECURITY_PROTOCOL !== "SASL_SSL" || env.KAFKA_SASL_MECHANISM !== "SCRAM-SHA-512") {
        v.push(`${app}: scram-sha-512 KafkaUser but the app talks ${env.KAFKA_SECURITY_PROTOCOL}/${env.KAFKA_SASL_MECHANISM}`);
      }
    } else {
      const loc = env.KAFKA_SSL_KEYSTORE_LOCATION ?? "";
      const c = dep.spec.template.spec.containers[0];
      const mount = (c.volumeMounts ?? []).find((m) => loc.startsWith(m.mountPath + "/"));
      secret = dep.spec.template.spec.volumes.find((x) => x.name === mount?.name)?.secret?.secretName;
    }
    if (secret !== u.metadata.name) v.push(`${app}: pods authenticate with Secret ${secret}, not with KafkaUser ${u.metadata.name}'s`);
    if (principals.has(secret)) v.push(`${app}: shares its Kafka identity ${secret} with another app`);
    principals.add(secret);
  }

  // Rendered topics: all of them, and only them, exist.
  const rendered = ofKind(objs, "KafkaTopic").map((t) => t.spec.topicName ?? t.metadata.name).sort();
  if (JSON.stringify(rendered) !== JSON.stringify([...TOPICS].sort())) v.push(`KafkaTopics ${rendered} differ from ${TOPICS}`);
  for (const t of ofKind(objs, "KafkaTopic")) {
    const name = t.spec.topicName ?? t.metadata.name;
    if (name === CONSENTS && t.spec.config?.["cleanup.policy"] !== "compact") v.push(`${CONSENTS} is not compacted`);
  }

  // Negative, structural: literal topic names only, never a wildcard; no All; no deny games.
  for (const app of APPS) {
    for (const a of userOf[app].spec.authorization.acls ?? []) {
      const r = a.resource;
      const ops = a.operations ?? [a.operation];
      if (r.type === "topic" && (r.patternType ?? "literal") !== "literal") v.push(`${app}: ${r.patternType} topic ACL ${r.name}`);
      if (r.name !== undefined && /\*/.test(r.name)) v.push(`${app}: wildcard ACL on ${r.type} ${r.name}`);
      if (ops.includes("All")) v.push(`${app}: ACL with operation All on ${r.type} ${r.name ?? ""}`);
      if (r.type === "topic" && !TOPICS.includes(r.name)) v.push(`${app}: ACL on unknown topic ${r.name}`);
      if (r.type === "group" && r.patternType === "prefix" && app !== "gateway") v.push(`${app}: prefix group ACL ${r.name}`);
      if (r.type === "transactionalId" && app !== "gateway") v.push(`${app}: transactionalId ACL ${r.name}`);
    }
  }

  // Semantic: evaluate Kafka's authorizer for every app x topic x operation.
  const probeTopics = [...TOPICS, AUDIT, "interlock.prisons.events.copy", "interlock.inbox", "interlock.secrets", "__consumer_offsets", "other"];
  const expected = expectedTopicAccess();
  for (const topic of probeTopics) {
    for (const op of ["Read", "Write", "Describe", "Create", "Delete", "Alter", "AlterConfigs", "DescribeConfigs"]) {
      const who = APPS.filter((app) => kafkaAllowed(userOf[app], "topic", topic, op));
      let want = [];
      if (expected[topic] && (op === "Read" || op === "Write")) want = expected[topic][op];
      if (expected[topic] && op === "Describe") want = APPS.filter((a) => expected[topic].Read.includes(a) || expected[topic].Write.includes(a));
      if (JSON.stringify([...who].sort()) !== JSON.stringify([...want].sort())) {
        v.push(`${op} ${topic}: allowed to [${who}], expected [${want}]`);
      }
    }
  }

  // Consumer groups, transactional ids, cluster.
  const groups = [...AGENCIES.map((a) => `interlock-${a}`), "interlock-gateway", "interlock-gateway-audit", "interlock-prisons-x", "interlock"];
  for (const g of groups) {
    const who = APPS.filter((app) => kafkaAllowed(userOf[app], "group", g, "Read"));
    const want = g.startsWith("interlock-gateway") ? ["gateway"] : AGENCIES.filter((a) => g === `interlock-${a}`);
    if (JSON.stringify(who) !== JSON.stringify(want)) v.push(`Read group ${g}: allowed to [${who}], expected [${want}]`);
  }
  for (const tx of ["interlock-gateway", "interlock-gateway-0", "interlock-prisons", "tx"]) {
    for (const op of ["Write", "Describe"]) {
      const who = APPS.filter((app) => kafkaAllowed(userOf[app], "transactionalId", tx, op));
      const want = tx.startsWith("interlock-gateway") ? ["gateway"] : [];
      if (JSON.stringify(who) !== JSON.stringify(want)) v.push(`${op} transactionalId ${tx}: allowed to [${who}], expected [${want}]`);
    }
  }
  for (const app of APPS) {
    if (!kafkaAllowed(userOf[app], "cluster", "kafka-cluster", "IdempotentWrite")) v.push(`${app}: no IdempotentWrite on the cluster`);
    for (const op of ["Alter", "AlterConfigs", "ClusterAction", "Create", "Describe", "DescribeConfigs"]) {
      if (kafkaAllowed(userOf[app], "cluster", "kafka-cluster", op)) v.push(`${app}: ${op} on the cluster`);
    }
  }
  return [...new Set(v)];
}

// ---------------------------------------------------------------- the tests --

const prod = renderProduction();
const prodNoScrape = renderProduction(["--set", "networkPolicy.monitoring.enabled=false"]);
const prodMonitoring = prod.some((o) => o.kind === "NetworkPolicy" && (o.spec.ingress ?? []).length > 1 && component(o) !== "gateway");

test("production render: the release is placed in the model", () => {
  const { pods } = worldOf(prod);
  for (const app of APPS) assert.equal(podsOf(pods, app).length, 2, app);
  assert.ok(prodMonitoring, "values-production.yaml admits Prometheus (monitoring.enabled) - the checks below account for it");
});

for (const app of AGENCIES) {
  test(`(a) ${app}: with the Prometheus carve-out off, ingress ONLY from the gateway pods of this release, on 8080`, () => {
    const v = ingressViolations(prodNoScrape, { monitoring: false }).filter((x) => x.startsWith(`${app} `) || x.startsWith(`${app}:`));
    noViolations(v);
  });
  test(`(a) ${app}: production values, ingress only from the gateway pods and Prometheus, on 8080`, () => {
    const v = ingressViolations(prod, { monitoring: true }).filter((x) => x.startsWith(`${app} `) || x.startsWith(`${app}:`));
    noViolations(v);
  });
  test(`(a) ${app}: not reachable from the other agency services, a second release, or any other pod`, () => {
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

test("(b) egress: every app reaches DNS, its Kafka, ITS OWN database, Keycloak, OTLP (gateway: + the 4 services) and nothing else", () => {
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

test("(b) services cannot call each other or the gateway; the gateway calls all four services", () => {
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

test("(c) gateway: alone reads the four events and state topics and consents, alone writes the four inboxes, its alerts and dead letters (read by none); no one touches an audit topic", () => {
  const users = ofKind(prod, "KafkaUser");
  const can = (topic, op) => users.filter((u) => kafkaAllowed(u, "topic", topic, op)).map(component);
  for (const a of AGENCIES) {
    assert.deepEqual(can(events(a), "Read"), ["gateway"]);
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
