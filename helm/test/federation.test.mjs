// Federation on Kubernetes (ADR 0021; docs/operations.md section 9), proved from the RENDERED objects:
//
//  (1) off (the default, and the production values as shipped): no federation environment, port,
//      Service, volume or NetworkPolicy rule at all;
//  (2) on (federation-values.yaml): the gateway, and only the gateway, gets exactly the environment
//      the gateway reads, each path a file of a read-only volume from the named Secret or ConfigMap
//      (Secrets 0400); the federation Service selects only the gateway pods and exposes only 8443;
//      the NetworkPolicy admits only federation.allowFrom to 8443 (nobody when it is empty) and
//      lets the gateway alone reach federation.egressTo, on 443 only;
//  (3) bad values are refused: enabled without a peer id or a named Secret/ConfigMap, a bad peer
//      id, mutual TLS not required on a LoadBalancer (so on the production values), allowFrom
//      or egressTo that would be everyone, the audit key as the federation key.
//
//   node --test-reporter=tap federation.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  APPS, HERE, PROD_VALUES, deploymentOf, egressAllowed, envOf, ingressAllowed, ofKind, PROBE_PORTS, render,
  renderProduction, selectorMatches,
} from "./lib.mjs";
import { egressViolations, ingressViolations, noViolations, podsOf, worldOf } from "./isolation.mjs";

const FEDERATION_VALUES = join(HERE, "federation-values.yaml");
const DIR = "/etc/interlock/federation";

const rendered = (args) => {
  const r = render(args);
  assert.ok(r.ok, r.stderr);
  return r.objects;
};

const off = rendered([]);
const offProduction = renderProduction();
const on = rendered(["-f", FEDERATION_VALUES]);

/** Every variable the federation adds, as federation-values.yaml sets it. */
const EXPECTED_ENV = {
  INTERLOCK_FEDERATION_ENABLED: "true",
  INTERLOCK_FEDERATION_PEER_ID: "uk",
  INTERLOCK_FEDERATION_SIGNING_KEY_FILE: `${DIR}/signing-key/federation.pem`,
  INTERLOCK_FEDERATION_TRUST_ANCHORS: `${DIR}/anchors/anchors.yaml`,
  INTERLOCK_FEDERATION_REQUIRE_CLIENT_CERTIFICATE: "true",
  QUARKUS_HTTP_SSL_PORT: "8443",
  QUARKUS_HTTP_INSECURE_REQUESTS: "enabled",
  QUARKUS_HTTP_TLS_CONFIGURATION_NAME: "federation",
  QUARKUS_TLS_FEDERATION_KEY_STORE_PEM_OWN_CERT: `${DIR}/tls/tls.crt`,
  QUARKUS_TLS_FEDERATION_KEY_STORE_PEM_OWN_KEY: `${DIR}/tls/tls.key`,
  QUARKUS_TLS_FEDERATION_TRUST_STORE_PEM_CERTS: `${DIR}/peer-cas/peers.pem`,
  QUARKUS_TLS_FEDERATION_RELOAD_PERIOD: "30m",
};
/** Where each file comes from: [volume kind, object name, key]. */
const SOURCES = {
  INTERLOCK_FEDERATION_SIGNING_KEY_FILE: ["secret", "interlock-federation-signing-key", "federation.pem"],
  INTERLOCK_FEDERATION_TRUST_ANCHORS: ["configMap", "interlock-federation-anchors", "anchors.yaml"],
  QUARKUS_TLS_FEDERATION_KEY_STORE_PEM_OWN_CERT: ["secret", "interlock-federation-tls", "tls.crt"],
  QUARKUS_TLS_FEDERATION_KEY_STORE_PEM_OWN_KEY: ["secret", "interlock-federation-tls", "tls.key"],
  QUARKUS_TLS_FEDERATION_TRUST_STORE_PEM_CERTS: ["configMap", "interlock-federation-peer-cas", "peers.pem"],
};
const FEDERATION_ENV = /^(INTERLOCK_FEDERATION_|QUARKUS_TLS_|QUARKUS_HTTP_SSL|QUARKUS_HTTP_INSECURE|QUARKUS_HTTP_TLS)/;

const podOf = (objs, app) => deploymentOf(objs, app).spec.template.spec;
const federationServices = (objs) => ofKind(objs, "Service").filter((s) =>
  s.metadata.name.includes("federation") || s.spec.ports.some((p) => p.name === "federation" || p.targetPort === "federation" || p.port === 443));

// Endpoints the federation adds to the model of the cluster: peers outside it and a stand-in inside.
function federationWorld(objs) {
  const { world, pods } = worldOf(objs);
  const extra = [
    { kind: "host", name: "peer nl (sends from)", ip: "198.51.100.5", ports: [["TCP", 443]] },
    { kind: "host", name: "peer de (gateway)", ip: "198.51.100.20", ports: [["TCP", 443]] },
    { kind: "host", name: "stranger next door", ip: "198.51.100.40", ports: [["TCP", 443]] },
    { kind: "pod", name: "peer-stand-in", ns: "peer-test", labels: { app: "peer-stand-in" }, ip: "10.244.9.10", ports: [["TCP", 443]] },
    { kind: "pod", name: "impostor", ns: "peer-test", labels: { app: "impostor" }, ip: "10.244.9.11", ports: [["TCP", 443]] },
    { kind: "pod", name: "peer-stand-in", ns: "default", labels: { app: "peer-stand-in" }, ip: "10.244.9.12", ports: [["TCP", 443]] },
  ];
  return { world: [...world, ...extra], pods };
}

/** Who reaches the gateway pods on 8443, by name (sorted). */
function admittedToFederationPort(objs) {
  const policies = ofKind(objs, "NetworkPolicy");
  const { world, pods } = federationWorld(objs);
  const admitted = new Set();
  for (const dst of podsOf(pods, "gateway")) {
    for (const s of world) if (s !== dst && ingressAllowed(policies, s, dst, "TCP", 8443)) admitted.add(`${s.ns ?? "external"}/${s.name}`);
  }
  return [...admitted].sort();
}

// ----------------------------------------------------------------------- (1) off --

for (const [tag, objs] of [["default values", off], ["production values (federation off)", offProduction]]) {
  test(`(1) ${tag}: no federation environment, port, Service, volume or mount in any app`, () => {
    for (const app of APPS) {
      assert.deepEqual(Object.keys(envOf(objs, app)).filter((k) => FEDERATION_ENV.test(k)), [], app);
      const pod = podOf(objs, app);
      const c = pod.containers[0];
      assert.deepEqual(c.ports.map((p) => [p.name, p.containerPort]), [["http", 8080]], app);
      assert.deepEqual((pod.volumes ?? []).filter((v) => v.name.startsWith("federation")).map((v) => v.name), [], app);
      assert.deepEqual((c.volumeMounts ?? []).filter((m) => m.mountPath.startsWith(DIR)).map((m) => m.mountPath), [], app);
    }
    assert.deepEqual(federationServices(objs).map((s) => s.metadata.name), []);
  });

  test(`(1) ${tag}: nobody reaches 8443 and no app may reach a peer`, () => {
    assert.deepEqual(admittedToFederationPort(objs), []);
    for (const pol of ofKind(objs, "NetworkPolicy")) {
      for (const rule of pol.spec.ingress ?? []) {
        assert.ok(!(rule.ports ?? []).some((p) => p.port === 8443), `${pol.metadata.name} has a rule on 8443`);
      }
    }
    const policies = ofKind(objs, "NetworkPolicy");
    const { world, pods } = federationWorld(objs);
    const peers = world.filter((e) => e.kind === "host" && e.ip.startsWith("198.51.100."));
    for (const src of pods.filter((p) => p.app)) {
      for (const peer of peers) {
        for (const [pr, port] of PROBE_PORTS) assert.ok(!egressAllowed(policies, src, peer, pr, port), `${src.name} -> ${peer.name} ${pr}/${port}`);
      }
    }
  });
}

// ------------------------------------------------------------------------ (2) on --

test("(2) on: the gateway gets exactly the federation environment, and no other app any of it", () => {
  const before = envOf(off, "gateway");
  const after = envOf(on, "gateway");
  const added = Object.fromEntries(Object.entries(after).filter(([k]) => !(k in before)));
  assert.deepEqual(added, EXPECTED_ENV);
  for (const [k, v] of Object.entries(before)) assert.deepEqual(after[k], v, `${k} changed`);
  for (const app of APPS.filter((a) => a !== "gateway")) {
    assert.deepEqual(envOf(on, app), envOf(off, app), `${app}'s environment changed`);
  }
  // Every value is a literal: a path, never a Secret's content in the environment.
  const c = podOf(on, "gateway").containers[0];
  for (const e of c.env.filter((x) => x.name in EXPECTED_ENV)) assert.equal(e.valueFrom, undefined, e.name);
});

test("(2) on: each federation file is a read-only volume from the named Secret or ConfigMap; Secrets 0400, only the keys named", () => {
  const pod = podOf(on, "gateway");
  const c = pod.containers[0];
  const fedMounts = c.volumeMounts.filter((m) => m.mountPath.startsWith(`${DIR}/`));
  assert.deepEqual(fedMounts.map((m) => m.mountPath).sort(),
    [`${DIR}/anchors`, `${DIR}/peer-cas`, `${DIR}/signing-key`, `${DIR}/tls`]);
  for (const m of fedMounts) {
    assert.equal(m.readOnly, true, `${m.mountPath} is writable`);
    assert.equal(m.subPath, undefined, `${m.mountPath}: a subPath mount would never see a renewal`);
  }
  for (const [name, [kind, source, key]] of Object.entries(SOURCES)) {
    const path = EXPECTED_ENV[name];
    const m = fedMounts.find((x) => path.startsWith(`${x.mountPath}/`));
    assert.ok(m, `${name}: ${path} is not mounted`);
    const v = pod.volumes.find((x) => x.name === m.name);
    assert.ok(v[kind], `${name}: volume ${v.name} is not a ${kind}`);
    assert.equal(kind === "secret" ? v.secret.secretName : v.configMap.name, source, name);
    const item = v[kind].items.find((i) => `${m.mountPath}/${i.path}` === path);
    assert.ok(item, `${name}: no item of ${v.name} is ${path}`);
    assert.equal(item.key, key, name);
  }
  const fedVolumes = pod.volumes.filter((v) => fedMounts.some((m) => m.name === v.name));
  assert.equal(fedVolumes.length, 4);
  for (const v of fedVolumes) {
    if (v.secret) assert.equal(v.secret.defaultMode, 0o400, `${v.name}: Secret files must be 0400`);
    // Only the keys named are projected, so nothing else of the Secret (a ca.crt) is in the pod.
    assert.equal((v.secret ?? v.configMap).items.length, v.name === "federation-tls" ? 2 : 1, v.name);
  }
  for (const app of APPS.filter((a) => a !== "gateway")) {
    const p = podOf(on, app);
    assert.deepEqual(p.volumes.filter((v) => v.name.startsWith("federation")).map((v) => v.name), [], app);
    assert.deepEqual(p.containers[0].ports.map((x) => x.containerPort), [8080], app);
  }
  // The audit signing key stays where it was: an environment variable of its own Secret.
  assert.notEqual(envOf(on, "gateway").INTERLOCK_AUDIT_SIGNING_KEY.secret, SOURCES.INTERLOCK_FEDERATION_SIGNING_KEY_FILE[1]);
});

test("(2) on: container port 8443 named federation; the federation Service selects only the gateway pods and exposes only 8443", () => {
  const c = podOf(on, "gateway").containers[0];
  assert.deepEqual(c.ports.map((p) => [p.name, p.containerPort, p.protocol]), [["http", 8080, "TCP"], ["federation", 8443, "TCP"]]);
  const svcs = federationServices(on);
  assert.deepEqual(svcs.map((s) => s.metadata.name), ["interlock-gateway-federation"]);
  const svc = svcs[0];
  const { pods } = worldOf(on);
  const selected = pods.filter((p) => p.ns === svc.metadata.namespace && selectorMatches({ matchLabels: svc.spec.selector }, p.labels));
  assert.deepEqual(selected.map((p) => p.name), podsOf(pods, "gateway").map((p) => p.name));
  assert.deepEqual(svc.spec.ports, [{ name: "federation", port: 443, targetPort: "federation", protocol: "TCP" }]);
  for (const p of selected) {
    const target = p.ports.filter(([, , name]) => name === svc.spec.ports[0].targetPort);
    assert.deepEqual(target, [["TCP", 8443, "federation"]]);
  }
  assert.equal(svc.spec.type, "LoadBalancer");
  assert.equal(svc.spec.externalTrafficPolicy, "Local", "the peers' addresses must reach the NetworkPolicy");
  assert.deepEqual(svc.spec.loadBalancerSourceRanges, ["198.51.100.0/28"]);
  assert.equal(svc.metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-type"], "nlb");
  // Not the gateway's own label set: the gateway's ServiceMonitor (port http) must not select it.
  assert.equal(svc.metadata.labels["app.kubernetes.io/component"], "federation");
  // The user Service of the gateway is unchanged: ClusterIP, http only.
  const user = ofKind(on, "Service").find((s) => s.metadata.name === "interlock-gateway");
  assert.deepEqual(user.spec.ports.map((p) => p.targetPort), ["http"]);
  assert.equal(user.spec.type, "ClusterIP");
});

test("(2) on: only federation.allowFrom reaches 8443 (a CIDR and a selected pod), and nobody else", () => {
  assert.deepEqual(admittedToFederationPort(on), ["external/peer nl (sends from)", "peer-test/peer-stand-in"]);
});

test("(2) on, allowFrom empty: nobody reaches 8443 (fail closed)", () => {
  assert.deepEqual(admittedToFederationPort(rendered(["-f", FEDERATION_VALUES, "--set-json", "federation.allowFrom=[]"])), []);
});

test("(2) on: peers reach the gateway on 8443 only, and no service at all", () => {
  const policies = ofKind(on, "NetworkPolicy");
  const { world, pods } = federationWorld(on);
  const peer = world.find((e) => e.name === "peer nl (sends from)");
  for (const dst of pods.filter((p) => p.app)) {
    for (const [pr, n] of PROBE_PORTS) {
      const allowed = ingressAllowed(policies, peer, dst, pr, n);
      // The default values admit anyone to the gateway's 8080 (networkPolicy.gateway.ingressFrom empty).
      const expected = dst.app === "gateway" && (n === 8443 || n === 8080) && pr === "TCP";
      assert.equal(allowed, expected, `peer -> ${dst.name} ${pr}/${n}`);
    }
  }
});

test("(2) on: the gateway alone reaches the peers' gateways (federation.egressTo), on 443 only", () => {
  const policies = ofKind(on, "NetworkPolicy");
  const { world, pods } = federationWorld(on);
  const peerGateway = world.find((e) => e.name === "peer de (gateway)");
  const elsewhere = world.filter((e) => ["peer nl (sends from)", "stranger next door", "internet"].includes(e.name));
  for (const src of pods.filter((p) => p.app)) {
    for (const [pr, n] of PROBE_PORTS) {
      const expected = src.app === "gateway" && pr === "TCP" && n === 443;
      assert.equal(egressAllowed(policies, src, peerGateway, pr, n), expected, `${src.name} -> peer gateway ${pr}/${n}`);
      for (const e of elsewhere) assert.ok(!egressAllowed(policies, src, e, pr, n), `${src.name} -> ${e.name} ${pr}/${n}`);
    }
  }
  // And nothing else moved: every app's egress and every service's ingress as without federation.
  noViolations(egressViolations(on));
  noViolations(ingressViolations(on, { monitoring: false }));
});

test("(2) mutation: a federation rule without its peers would admit everyone, and the check says so", () => {
  const broken = structuredClone(on);
  const gw = ofKind(broken, "NetworkPolicy").find((p) => p.metadata.name === "interlock-gateway");
  const rule = gw.spec.ingress.find((r) => (r.ports ?? []).some((p) => p.port === 8443));
  delete rule.from;
  const admitted = admittedToFederationPort(broken);
  assert.ok(admitted.includes("external/stranger next door") && admitted.includes("peer-test/impostor"), admitted.join(", "));
});

test("(2) production values with federation enabled: mutual TLS required, a LoadBalancer limited to the peers", () => {
  const objs = renderProduction(["--set", "federation.enabled=true,federation.peerId=uk"]);
  const env = envOf(objs, "gateway");
  assert.equal(env.INTERLOCK_FEDERATION_REQUIRE_CLIENT_CERTIFICATE, "true");
  assert.equal(env.QUARKUS_HTTP_SSL_CLIENT_AUTH, undefined, "fixed at build time: a runtime value would be ignored");
  const [svc] = federationServices(objs);
  assert.equal(svc.spec.type, "LoadBalancer");
  assert.ok(svc.spec.loadBalancerSourceRanges.length >= 1);
  // The ServiceMonitors scrape port http of the apps' Services, never the peer interface.
  for (const sm of ofKind(objs, "ServiceMonitor")) {
    assert.ok(!selectorMatches(sm.spec.selector, svc.metadata.labels), `${sm.metadata.name} selects the federation Service`);
  }
  // Production's own ingress rule (the ingress controller on 8080) is untouched; 8443 only from the peers;
  // every service still admits the gateway (and Prometheus) alone, every app reaches what it did.
  assert.deepEqual(admittedToFederationPort(objs), ["external/peer nl (sends from)"]);
  noViolations(ingressViolations(objs, { monitoring: true }));
  noViolations(egressViolations(objs));
});

// ------------------------------------------------------------------- (3) refused --

const dir = mkdtempSync(join(tmpdir(), "interlock-federation-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const valuesFile = (text) => {
  const f = join(dir, `v-${n++}.yaml`);
  writeFileSync(f, text);
  return f;
};

// [name, values YAML on top of the base, expected fragment of helm's error, base: "federation" | "production"]
const REFUSED = [
  ["enabled without a peer id", `federation:\n  peerId: ""\n`, "/federation/peerId': minLength"],
  ["enabled on the production values without a peer id", `federation:\n  enabled: true\n`, "/federation/peerId': minLength", "production"],
  ["a peer id in capitals", `federation:\n  peerId: UK\n`, "/federation/peerId': 'UK' does not match pattern"],
  ["a peer id starting with a dash", `federation:\n  peerId: "-uk"\n`, "/federation/peerId'"],
  ["a peer id with a dot", `federation:\n  peerId: uk.gov\n`, "/federation/peerId'"],
  ["enabled without the signing key's Secret", `federation:\n  signingKey:\n    secretName: ""\n`, "/federation/signingKey/secretName': minLength"],
  ["enabled without the trust anchors' ConfigMap", `federation:\n  trustAnchors:\n    configMapName: ""\n`, "/federation/trustAnchors/configMapName': minLength"],
  ["enabled without the federation certificate", `federation:\n  mutualTls:\n    certificateSecret: ""\n`, "/federation/mutualTls/certificateSecret': minLength"],
  ["enabled without the peers' CAs", `federation:\n  mutualTls:\n    peerCaConfigMap:\n      name: ""\n`, "/federation/mutualTls/peerCaConfigMap/name': minLength"],
  ["mutual TLS not required on a LoadBalancer", `federation:\n  mutualTls:\n    required: false\n`, "/federation/mutualTls/required': value must be true"],
  ["the production values with mutual TLS not required", `federation:\n  mutualTls:\n    required: false\n`, "/federation/mutualTls/required': value must be true", "production"],
  ["the production values, enabled, with mutual TLS not required", `federation:\n  enabled: true\n  peerId: uk\n  mutualTls:\n    required: false\n`, "/federation/mutualTls/required': value must be true", "production"],
  ["a LoadBalancer open to every source", `federation:\n  service:\n    loadBalancerSourceRanges: []\n`, "/federation/service/loadBalancerSourceRanges': minItems"],
  ["a NodePort", `federation:\n  service:\n    type: NodePort\n`, "/federation/service/type'"],
  ["allowFrom everyone by CIDR", `federation:\n  allowFrom: ["0.0.0.0/0"]\n`, "/federation/allowFrom/0'"],
  ["allowFrom everyone by IPv6 CIDR", `federation:\n  allowFrom: ["::/0"]\n`, "/federation/allowFrom/0'"],
  ["allowFrom everyone by ipBlock", `federation:\n  allowFrom:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n`, "/federation/allowFrom/0'"],
  ["allowFrom every namespace", `federation:\n  allowFrom:\n    - namespaceSelector: {}\n`, "/federation/allowFrom/0'"],
  ["allowFrom every pod of the namespace", `federation:\n  allowFrom:\n    - podSelector: {}\n`, "/federation/allowFrom/0'"],
  ["egress to everywhere", `federation:\n  egressTo: ["0.0.0.0/0"]\n`, "/federation/egressTo/0'"],
  ["allowFrom everyone in two halves", `federation:\n  allowFrom: ["0.0.0.0/1", "128.0.0.0/1"]\n`, "/federation/allowFrom/0'"],
  ["allowFrom a wide IPv6 prefix", `federation:\n  allowFrom: ["2000::/3"]\n`, "/federation/allowFrom/0'"],
  ["allowFrom every namespace by empty labels", `federation:\n  allowFrom:\n    - namespaceSelector:\n        matchLabels: {}\n`, "/federation/allowFrom/0'"],
  ["a reload period without a unit", `federation:\n  mutualTls:\n    reloadPeriod: "3600"\n`, "/federation/mutualTls/reloadPeriod'"],
  ["a TLS-terminating Ingress for the peer interface", `federation:\n  ingress:\n    enabled: true\n`, "additional properties 'ingress' not allowed"],
  // Guards in the templates (beyond what JSON Schema can say).
  ["the audit signing key as the federation key", `federation:\n  signingKey:\n    secretName: interlock-gateway-audit-signing-key\n`, "must not be the audit signing key's Secret"],
  ["0400 Secret files without an fsGroup", `podSecurityContext:\n  fsGroup: null\n`, "federation.enabled needs podSecurityContext.fsGroup"],
];

for (const [name, yaml, fragment, base = "federation"] of REFUSED) {
  test(`(3) refused: ${name}`, () => {
    const r = render(["-f", base === "production" ? PROD_VALUES : FEDERATION_VALUES, "-f", valuesFile(yaml)]);
    assert.equal(r.ok, false, `helm template accepted ${name}`);
    assert.ok(r.stderr.includes(fragment), `error does not mention "${fragment}":\n${r.stderr}`);
  });
}

test("(3) accepted: mutual TLS not required on a ClusterIP (inside the cluster), and said so in the environment", () => {
  const objs = rendered(["-f", FEDERATION_VALUES, "-f",
    valuesFile(`federation:\n  mutualTls:\n    required: false\n  service:\n    type: ClusterIP\n    loadBalancerSourceRanges: []\n`)]);
  assert.equal(envOf(objs, "gateway").INTERLOCK_FEDERATION_REQUIRE_CLIENT_CERTIFICATE, "false");
  const [svc] = federationServices(objs);
  assert.equal(svc.spec.type, "ClusterIP");
  assert.equal(svc.spec.externalTrafficPolicy, undefined);
  assert.equal(svc.spec.loadBalancerSourceRanges, undefined);
});
