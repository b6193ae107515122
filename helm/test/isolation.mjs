// The isolation proofs' evaluators, shared by isolation.test.mjs (the agencies and the gateway)
// and person-index.test.mjs (the person index, ADR 0014). Each takes the RENDERED objects of the
// chart and returns its violations (an empty list when the property holds):
//
//  (a) ingress: the NetworkPolicies selecting each service's pods (the four agencies and the
//      person index) admit only the gateway pods of this release (plus, when
//      networkPolicy.monitoring is on, Prometheus on 8080) - judged by evaluating NetworkPolicy
//      semantics against a model of the cluster full of other pods, not by reading the values;
//  (b) egress: each app reaches exactly DNS, its Kafka brokers, ITS OWN database, Keycloak, the
//      OTLP collector if it is traced (and, for the gateway, the five services) - where each one
//      is comes from the app's rendered configuration (URLs), so a policy and a configuration
//      that disagree fail too;
//  (c) Kafka: the Strimzi KafkaUser ACLs give each app exactly the topics of
//      expectedTopicAccess(), with no wildcard or prefix topic ACL; and each app's pods
//      authenticate as that app's own KafkaUser.
import assert from "node:assert/strict";
import {
  AGENCIES, APPS, SERVICES, component, deploymentOf, egressAllowed, egressReach, envOf,
  infrastructure, ingressAllowed, ingressReach, kafkaAllowed, ofKind, PROBE_PORTS, releasePods,
  resolve, selecting, selectorMatches,
} from "./lib.mjs";

// ------------------------------------------------------------------ helpers --

export function noViolations(v) {
  assert.equal(v.length, 0, `${v.length} violation(s):\n  ${v.join("\n  ")}`);
}

export function hostPort(url, defaultPort) {
  const u = new URL(url);
  return [u.hostname, Number(u.port || defaultPort(u.protocol))];
}

export function worldOf(objs) {
  const pods = releasePods(objs);
  return { world: [...infrastructure(), ...pods], pods };
}

export const podsOf = (pods, app) => pods.filter((p) => p.app === app);
export const names = (eps) => eps.map((e) => `${e.ns ? e.ns + "/" : ""}${e.name}`).sort();

/** Where an app's configuration says its database is: [endpoints, port]. */
export function databaseOf(objs, world, app) {
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

  for (const app of SERVICES) {
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
      for (const ag of SERVICES) {
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

export const events = (a) => `interlock.${a}.events`;
export const inbox = (a) => `interlock.inbox.${a}`;
export const deadletter = (a) => `interlock.${a}.deadletter`;
// Each agency's compacted state topic, read by the gateway's views (ADR 0012).
export const state = (a) => `interlock.${a}.state`;
export const CONSENTS = "interlock.consents";
// The gateway's own: its alerts to the agencies (no reader granted yet) and the agency events its
// exchange could not decide on (read by operators, with the cluster's admin credentials).
export const ALERTS = "interlock.gateway.alerts";
export const GATEWAY_DEADLETTER = "interlock.gateway.deadletter";
// Gone: the audit log is sequenced in the gateway's PostgreSQL database. Probed so that no
// stale grant on it survives.
export const AUDIT = "interlock.audit";
// The person index's (ADR 0014): its events (read by nobody yet), the compacted links the gateway's
// decisions follow, and the prisons events it could not record.
export const PEOPLE_EVENTS = "interlock.people.events";
export const PEOPLE_LINKS = "interlock.people.links";
export const PEOPLE_DEADLETTER = deadletter("people");
export const TOPICS = [...AGENCIES.flatMap((a) => [events(a), state(a), inbox(a), deadletter(a)]), CONSENTS, ALERTS,
  GATEWAY_DEADLETTER, PEOPLE_EVENTS, PEOPLE_LINKS, PEOPLE_DEADLETTER];

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
  // The index reads prisons' receptions (they carry the prison number), and no other agency topic.
  t[events("prisons")].Read.push("people");
  t[PEOPLE_EVENTS] = { Read: [], Write: ["people"] };
  t[PEOPLE_LINKS] = { Read: ["gateway"], Write: ["people"] };
  t[PEOPLE_DEADLETTER] = { Read: ["people"], Write: ["people"] };
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
  const groups = [...SERVICES.map((a) => `interlock-${a}`), "interlock-gateway", "interlock-gateway-audit", "interlock-prisons-x",
    "interlock-people-x", "interlock"];
  for (const g of groups) {
    const who = APPS.filter((app) => kafkaAllowed(userOf[app], "group", g, "Read"));
    const want = g.startsWith("interlock-gateway") ? ["gateway"] : SERVICES.filter((a) => g === `interlock-${a}`);
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
