// values.schema.json (and the chart's own guards) reject bad values files:
// `helm template` must FAIL, with a message naming the problem.
//
//   node --test-reporter=tap schema.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROD_VALUES, render } from "./lib.mjs";

const dir = mkdtempSync(join(tmpdir(), "interlock-values-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function valuesFile(text) {
  const f = join(dir, `bad-${n++}.yaml`);
  writeFileSync(f, text);
  return f;
}

// [name, values YAML, expected fragment of helm's error, on top of production values?]
const BAD = [
  ["replicas as a word", `defaults:\n  replicaCount: "two"\n`, "/defaults/replicaCount': got string, want integer"],
  ["an app's replicas as a word", `apps:\n  prisons:\n    replicaCount: two\n`, "/apps/prisons/replicaCount"],
  ["zero replicas", `defaults:\n  replicaCount: 0\n`, "/defaults/replicaCount"],
  ["unknown Kafka security protocol", `kafka:\n  securityProtocol: SASL_PLAINTEXT\n`, "/kafka/securityProtocol"],
  ["SASL without a mechanism", `kafka:\n  securityProtocol: SASL_SSL\n  saslMechanism: ""\n`, "/kafka/saslMechanism"],
  ["unknown PostgreSQL sslMode", `postgresql:\n  sslMode: verify\n`, "/postgresql/sslMode"],
  ["verify-full without the database CA", `postgresql:\n  tls:\n    caSecret:\n      name: ""\n`, "/postgresql/tls/caSecret/name", true],
  ["a service without its database password Secret", `apps:\n  probation:\n    database:\n      passwordSecret: null\n`, "missing property 'passwordSecret'"],
  ["a Secret reference without a name", `apps:\n  partners:\n    oidc:\n      clientSecret:\n        name: ""\n`, "/apps/partners/oidc/clientSecret/name"],
  ["the gateway without its audit signing key", `apps:\n  gateway:\n    auditSigningKey: null\n`, "missing property 'auditSigningKey'"],
  ["the gateway without the staff directory's client secret", `apps:\n  gateway:\n    directoryClientSecret: null\n`, "missing property 'directoryClientSecret'"],
  ["an agency service holding the staff directory's client secret", `apps:\n  partners:\n    directoryClientSecret:\n      name: interlock-gateway-directory\n      key: client-secret\n`, "at '/apps/partners': 'not' failed"],
  ["an agency service holding the audit signing key", `apps:\n  intelligence:\n    auditSigningKey:\n      name: interlock-gateway-audit-signing-key\n      key: signing-key\n`, "at '/apps/intelligence': 'not' failed"],
  ["a service without its actor secret", `actor:\n  probation:\n    secret: null\n`, "missing property 'secret'"],
  ["an actor key id with a slash", `actor:\n  prisons:\n    keyId: "a/b"\n`, "/actor/prisons/keyId"],
  ["the gateway signing with a previous secret there is none of", `actor:\n  partners:\n    signWithPrevious: true\n`, "/actor/partners/previous"],
  ["an actor secret for a fifth agency", `actor:\n  police:\n    keyId: "1"\n`, "additional properties 'police' not allowed"],
  ["the Ed25519 actor signing key of earlier charts", `apps:\n  gateway:\n    actorSigningKey:\n      name: interlock-gateway-actor-signing-key\n      key: signing-key\n`, "actorSigningKey"],
  ["a seventh app", `apps:\n  police:\n    database: {}\n`, "additional properties 'police' not allowed"],
  // The person index (ADR 0014): required like the agencies, and it verifies one actor secret only.
  ["no person index", `apps:\n  people: null\n`, "missing property 'people'"],
  ["the person index without its database password Secret", `apps:\n  people:\n    database:\n      passwordSecret: null\n`, "missing property 'passwordSecret'"],
  ["the person index without its actor secret", `actor:\n  people: null\n`, "missing property 'people'"],
  ["the gateway signing for the person index with a previous secret there is none of", `actor:\n  people:\n    signWithPrevious: true\n`, "/actor/people/previous"],
  ["the person index holding the audit signing key", `apps:\n  people:\n    auditSigningKey:\n      name: interlock-gateway-audit-signing-key\n      key: signing-key\n`, "at '/apps/people': 'not' failed"],
  ["a secrets.create toggle (the chart only references Secrets)", `secrets:\n  create: true\n`, "additional properties 'secrets' not allowed"],
  ["Strimzi SCRAM users while the apps talk PLAINTEXT", `kafka:\n  securityProtocol: PLAINTEXT\n  saslMechanism: ""\n`, "/kafka/securityProtocol': value must be 'SASL_SSL'", true],
  ["Strimzi tls users while the apps talk SASL_SSL", `strimzi:\n  users:\n    authentication: tls\n`, "/kafka/securityProtocol': value must be 'SSL'", true],
  ["unknown KafkaUser authentication", `strimzi:\n  users:\n    authentication: scram-sha-256\n`, "/strimzi/users/authentication", true],
  ["Prometheus carve-out with no selector", `networkPolicy:\n  monitoring:\n    enabled: true\n    namespaceSelector: {}\n    podSelector: {}\n`, "/networkPolicy/monitoring': 'anyOf' failed"],
  ["a CIDR without a prefix length", `apps:\n  intelligence:\n    database:\n      network:\n        cidrs: ["10.40.12.10"]\n`, "/apps/intelligence/database/network/cidrs/0", true],
  ["CPU target over 100%", `defaults:\n  autoscaling:\n    enabled: true\n    minReplicas: 2\n    maxReplicas: 4\n    targetCPUUtilizationPercentage: 150\n`, "/defaults/autoscaling/targetCPUUtilizationPercentage"],
  ["a writable root filesystem", `securityContext:\n  readOnlyRootFilesystem: false\n`, "/securityContext/readOnlyRootFilesystem"],
  // Privilege: nothing in the values may give a container more than the runtime's defaults minus ALL.
  ["a privileged container", `securityContext:\n  privileged: true\n`, "/securityContext/privileged"],
  ["a privileged container, on the production values", `securityContext:\n  privileged: true\n`, "/securityContext/privileged", true],
  ["an added Linux capability", `securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_ADMIN]\n`, "/securityContext/capabilities/add"],
  ["an added capability that is harmless-looking", `securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [CHOWN]\n`, "/securityContext/capabilities/add"],
  ["capabilities no longer dropped", `securityContext:\n  capabilities:\n    drop: [NET_RAW]\n`, "/securityContext/capabilities/drop"],
  ["privilege escalation allowed", `securityContext:\n  allowPrivilegeEscalation: true\n`, "/securityContext/allowPrivilegeEscalation"],
  ["a container allowed to run as root", `securityContext:\n  runAsNonRoot: false\n`, "/securityContext/runAsNonRoot"],
  ["a container running as user 0", `securityContext:\n  runAsUser: 0\n`, "/securityContext/runAsUser"],
  ["an unmasked /proc", `securityContext:\n  procMount: Unmasked\n`, "/securityContext/procMount"],
  ["a container without seccomp", `securityContext:\n  seccompProfile:\n    type: Unconfined\n`, "/securityContext/seccompProfile/type"],
  ["a container without AppArmor", `securityContext:\n  appArmorProfile:\n    type: Unconfined\n`, "/securityContext/appArmorProfile/type"],
  ["a Windows host process", `securityContext:\n  windowsOptions:\n    hostProcess: true\n`, "additional properties 'windowsOptions' not allowed"],
  ["a misspelt container securityContext field", `securityContext:\n  privilidged: true\n`, "additional properties 'privilidged' not allowed"],
  ["a pod allowed to run as root", `podSecurityContext:\n  runAsNonRoot: false\n`, "/podSecurityContext/runAsNonRoot"],
  ["a pod running as user 0", `podSecurityContext:\n  runAsUser: 0\n`, "/podSecurityContext/runAsUser"],
  ["a pod without seccomp", `podSecurityContext:\n  seccompProfile:\n    type: Unconfined\n`, "/podSecurityContext/seccompProfile/type"],
  ["privileged on the pod's securityContext", `podSecurityContext:\n  privileged: true\n`, "additional properties 'privileged' not allowed"],
  ["capabilities on the pod's securityContext", `podSecurityContext:\n  capabilities:\n    add: [SYS_ADMIN]\n`, "additional properties 'capabilities' not allowed"],
  ["pod sysctls", `podSecurityContext:\n  sysctls:\n    - name: kernel.msgmax\n      value: "65536"\n`, "additional properties 'sysctls' not allowed"],
  ["an unknown pull policy", `image:\n  pullPolicy: Sometimes\n`, "/image/pullPolicy"],
  ["topic partitions as a word", `strimzi:\n  topics:\n    partitions:\n      events: six\n`, "/strimzi/topics/partitions/events", true],
  ["the gateway without its migration (owner) role", `apps:\n  gateway:\n    database:\n      migration: null\n`, "missing property 'migration'"],
  ["a migration role without its password Secret", `apps:\n  gateway:\n    database:\n      migration:\n        passwordSecret: null\n`, "/apps/gateway/database/migration"],
  ["an agency service with a migration role", `apps:\n  prisons:\n    database:\n      migration:\n        username: owner\n        passwordSecret:\n          name: x\n          key: password\n`, "at '/apps/prisons': 'not' failed"],
  ["an agency service with a policy ConfigMap", `apps:\n  partners:\n    policy:\n      configMap: interlock-policy\n`, "at '/apps/partners': 'not' failed"],
  ["OpenTelemetry enabled without an endpoint", `otel:\n  enabled: true\n  endpoint: ""\n`, "/otel/endpoint"],
  // Guards in the templates (beyond what JSON Schema can say).
  ["the gateway running as the owner role of its schema", `apps:\n  gateway:\n    database:\n      username: gateway\n`, "must differ from apps.gateway.database.migration.username"],
  ["OpenTelemetry egress with no peer", `otel:\n  enabled: true\n  endpoint: http://otel-collector:4317\n`, "otel.network names no peer"],
  ["Kafka egress with no peer (would allow nowhere or everywhere)", `kafka:\n  network:\n    podSelector: null\n`, "kafka.network names no peer"],
  ["a database egress with no peer", `apps:\n  prisons:\n    database:\n      network:\n        podSelector: null\n`, "apps.prisons.database.network names no peer"],
  ["SASL without a JAAS Secret and without Strimzi", `kafka:\n  securityProtocol: SASL_SSL\n  saslMechanism: SCRAM-SHA-512\n`, "saslJaasConfigSecret"],
  ["HPA minReplicas above maxReplicas", `defaults:\n  autoscaling:\n    enabled: true\n    minReplicas: 5\n    maxReplicas: 2\n    targetCPUUtilizationPercentage: 70\n`, "minReplicas is greater than maxReplicas"],
];

for (const [name, yaml, fragment, onProduction] of BAD) {
  test(`rejected: ${name}`, () => {
    const args = [...(onProduction ? ["-f", PROD_VALUES] : []), "-f", valuesFile(yaml)];
    const r = render(args);
    assert.equal(r.ok, false, `helm template accepted ${name}`);
    assert.ok(r.stderr.includes(fragment), `error does not mention "${fragment}":\n${r.stderr}`);
  });
}

test("accepted: the default values and the production values", () => {
  for (const args of [[], ["-f", PROD_VALUES]]) {
    const r = render(args);
    assert.ok(r.ok, r.stderr);
  }
});
