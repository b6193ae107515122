// Shared by the tests: rendering the chart, a model of the cluster the chart is
// installed in, and evaluators of NetworkPolicy and Kafka ACL semantics.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const CHART = join(HERE, "..", "interlock");
export const PROD_VALUES = join(CHART, "values-production.yaml");
export const HELM = process.env.HELM || join(HERE, ".bin", "helm");
export const RELEASE = "interlock";
export const NAMESPACE = "interlock";

export const APPS = ["gateway", "prisons", "probation", "intelligence", "partners", "people"];
/** The four agencies: each has its events, state, inbox and dead-letter topics. */
export const AGENCIES = ["prisons", "probation", "intelligence", "partners"];
/** The services behind the gateway: the four agencies and the person index (ADR 0014). */
export const SERVICES = APPS.slice(1);
/** The apps with OpenTelemetry (the person index has none). */
export const TRACED = ["gateway", ...AGENCIES];

// ---------------------------------------------------------------- rendering --

/** helm template; returns { ok, objects, stderr }. args are extra helm flags. */
export function render(args = [], { release = RELEASE, namespace = NAMESPACE } = {}) {
  try {
    const out = execFileSync(HELM, ["template", release, CHART, "-n", namespace, ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, objects: parseManifests(out), stderr: "" };
  } catch (e) {
    return { ok: false, objects: [], stderr: String(e.stderr || e.message) };
  }
}

export function renderProduction(extra = []) {
  const r = render(["-f", PROD_VALUES, ...extra]);
  if (!r.ok) throw new Error(`helm template (production) failed:\n${r.stderr}`);
  return r.objects;
}

export function parseManifests(text) {
  const out = [];
  for (const d of parseAllDocuments(text)) {
    if (d.errors.length) throw new Error(`YAML error: ${d.errors[0].message}`);
    const o = d.toJS();
    if (o != null) out.push(o);
  }
  return out;
}

export const ofKind = (objs, kind) => objs.filter((o) => o.kind === kind);
export const component = (o) => o.metadata?.labels?.["app.kubernetes.io/component"];

/** The rendered Deployment of an app (found by its component label). */
export function deploymentOf(objs, app) {
  const d = ofKind(objs, "Deployment").filter((x) => component(x) === app);
  if (d.length !== 1) throw new Error(`expected one Deployment for ${app}, found ${d.length}`);
  return d[0];
}

/** The environment of an app's container: ConfigMap values plus env, secrets as {secret, key}. */
export function envOf(objs, app) {
  const dep = deploymentOf(objs, app);
  const c = dep.spec.template.spec.containers[0];
  const env = {};
  for (const ef of c.envFrom ?? []) {
    const cm = ofKind(objs, "ConfigMap").find((x) => x.metadata.name === ef.configMapRef?.name);
    Object.assign(env, cm?.data ?? {});
  }
  for (const e of c.env ?? []) {
    env[e.name] = e.valueFrom?.secretKeyRef
      ? { secret: e.valueFrom.secretKeyRef.name, key: e.valueFrom.secretKeyRef.key }
      : e.value;
  }
  return env;
}

// -------------------------------------------------------------- the cluster --
//
// A model of the cluster and network the production values describe: the
// namespaces with their labels, the pods that matter (with labels, IPs and
// the ports they listen on), hosts outside the cluster, and the DNS names
// that resolve to each. The tests place the release's pods in it from the
// rendered Deployments, and judge the rendered NetworkPolicies against it.

const ns = (name, labels = {}) => ({ name, labels: { "kubernetes.io/metadata.name": name, ...labels } });

export const NAMESPACES = [
  ns(NAMESPACE),
  ns("kafka"),
  ns("interlock-data"),
  ns("keycloak"),
  ns("observability"),
  ns("monitoring"),
  ns("ingress-nginx"),
  ns("kube-system"),
  ns("default"),
  ns("tenant-b"),
];

let nextIp = 10;
const podIp = () => `10.244.7.${nextIp++}`;
const pod = (name, namespace, labels, ports) => ({ kind: "pod", name, ns: namespace, labels, ip: podIp(), ports });

/** Every endpoint of the world except the release's own pods. */
export function infrastructure() {
  nextIp = 10;
  const eps = [
    pod("coredns-1", "kube-system", { "k8s-app": "kube-dns" }, [["UDP", 53], ["TCP", 53]]),
    // Production Kafka (namespace kafka) and a second, unrelated cluster there.
    ...[0, 1, 2].map((i) => pod(`interlock-kafka-${i}`, "kafka",
      { "strimzi.io/cluster": "interlock", "strimzi.io/kind": "Kafka", "strimzi.io/name": "interlock-kafka" }, [["TCP", 9093]])),
    pod("other-kafka-0", "kafka", { "strimzi.io/cluster": "other", "strimzi.io/kind": "Kafka" }, [["TCP", 9093]]),
    // Development Kafka in the release namespace (values.yaml).
    pod("dev-kafka-0", NAMESPACE, { "strimzi.io/cluster": "interlock", "strimzi.io/kind": "Kafka" }, [["TCP", 9092]]),
    // Keycloak: production (namespace keycloak) and development (release namespace).
    pod("keycloak-0", "keycloak", { app: "keycloak" }, [["TCP", 8443]]),
    pod("dev-keycloak-0", NAMESPACE, { app: "keycloak" }, [["TCP", 8080]]),
    pod("otel-collector-0", "observability", { "app.kubernetes.io/name": "opentelemetry-collector" }, [["TCP", 4317]]),
    pod("prometheus-0", "monitoring", { "app.kubernetes.io/name": "prometheus" }, [["TCP", 9090]]),
    pod("ingress-nginx-controller", "ingress-nginx", { "app.kubernetes.io/name": "ingress-nginx" }, [["TCP", 443]]),
    // Intruders: a debug pod in the release namespace, pods in other namespaces,
    // a pod in the monitoring namespace that is not Prometheus.
    pod("debug", NAMESPACE, { app: "debug" }, [["TCP", 8080]]),
    pod("web", "default", { app: "web" }, [["TCP", 8080]]),
    pod("tenant-b-app", "tenant-b", { "app.kubernetes.io/name": "interlock", "app.kubernetes.io/component": "gateway" }, [["TCP", 8080]]),
    pod("grafana", "monitoring", { "app.kubernetes.io/name": "grafana" }, [["TCP", 3000]]),
    // Outside the cluster.
    { kind: "host", name: "intelligence-db (managed)", ip: "10.40.12.10", ports: [["TCP", 5432]] },
    { kind: "host", name: "other-managed-db", ip: "10.40.12.11", ports: [["TCP", 5432]] },
    { kind: "host", name: "internet", ip: "203.0.113.5", ports: [["TCP", 443]] },
  ];
  // A CloudNativePG cluster per app in interlock-data (production) and in the
  // release namespace (development), two instances each.
  for (const app of APPS) {
    for (const [namespace, tag] of [["interlock-data", "prod"], [NAMESPACE, "dev"]]) {
      for (const i of [1, 2]) {
        eps.push(pod(`${tag}-${app}-db-${i}`, namespace,
          { "cnpg.io/cluster": `interlock-${app}-db`, "cnpg.io/instanceName": `interlock-${app}-db-${i}` }, [["TCP", 5432]]));
      }
    }
  }
  return eps;
}

/** DNS: which endpoints a host name of the configuration leads to. */
export function resolve(world, host) {
  const byName = (re) => world.filter((e) => re.test(e.name));
  const table = {
    "interlock-kafka-bootstrap.kafka.svc": () => byName(/^interlock-kafka-\d$/),
    "interlock-kafka-bootstrap": () => byName(/^dev-kafka-0$/),
    "keycloak-service.keycloak.svc": () => byName(/^keycloak-0$/),
    "keycloak": () => byName(/^dev-keycloak-0$/),
    "otel-collector.observability.svc": () => byName(/^otel-collector-0$/),
    "intelligence-db.data.example.gov.uk": () => byName(/^intelligence-db \(managed\)$/),
  };
  for (const app of APPS) {
    table[`interlock-${app}-db-rw.interlock-data.svc`] = () => byName(new RegExp(`^prod-${app}-db-\\d$`));
    table[`interlock-${app}-db-rw`] = () => byName(new RegExp(`^dev-${app}-db-\\d$`));
  }
  const f = table[host];
  if (!f) throw new Error(`the test's model of the cluster has no DNS name ${host}`);
  return f();
}

/** The release's pods, two per Deployment, and a look-alike second release's in the same namespace. */
export function releasePods(objs) {
  const pods = [];
  for (const d of ofKind(objs, "Deployment")) {
    const labels = d.spec.template.metadata.labels;
    const ports = d.spec.template.spec.containers.flatMap((c) =>
      (c.ports ?? []).map((p) => [p.protocol ?? "TCP", p.containerPort, p.name]));
    for (const i of [0, 1]) {
      pods.push({ kind: "pod", name: `${d.metadata.name}-${i}`, ns: d.metadata.namespace, labels, ip: `10.244.1.${pods.length + 10}`, ports, app: component(d) });
    }
    pods.push({
      kind: "pod", name: `staging-${component(d)}-0`, ns: d.metadata.namespace,
      labels: { ...labels, "app.kubernetes.io/instance": "staging" },
      ip: `10.244.2.${pods.length + 10}`, ports, app: null,
    });
  }
  return pods;
}

// ------------------------------------------------------ NetworkPolicy model --

export function selectorMatches(sel, labels = {}) {
  if (sel == null) return true;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const val = labels[e.key];
    if (e.operator === "In" && !(has && e.values.includes(val))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(val)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

const ipToInt = (ip) => ip.split(".").reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
export function inCidr(ip, cidr) {
  const [base, bits] = cidr.split("/");
  const n = Number(bits);
  const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
  return (ipToInt(ip) & mask) === (ipToInt(base) & mask);
}

const nsLabels = (name) => NAMESPACES.find((n) => n.name === name)?.labels ?? { "kubernetes.io/metadata.name": name };

/** Whether a NetworkPolicy peer (from/to element) of a policy in policyNs matches an endpoint. */
export function peerMatches(peer, policyNs, ep) {
  if (peer.ipBlock) {
    return inCidr(ep.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((x) => inCidr(ep.ip, x));
  }
  if (ep.kind !== "pod") return false;
  const nsOk = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, nsLabels(ep.ns)) : ep.ns === policyNs;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, ep.labels) : true;
  return nsOk && podOk;
}

function portMatches(ports, proto, port, target) {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? "TCP") !== proto) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === "string") {
      return (target.ports ?? []).some(([pr, num, name]) => name === p.port && pr === proto && num === port);
    }
    return p.endPort ? port >= p.port && port <= p.endPort : p.port === port;
  });
}

const types = (pol) => pol.spec.policyTypes ?? ["Ingress", ...(pol.spec.egress ? ["Egress"] : [])];

/** Policies selecting a pod, for one direction. */
export function selecting(policies, p, direction) {
  return policies.filter((pol) =>
    (pol.metadata.namespace ?? NAMESPACE) === p.ns &&
    selectorMatches(pol.spec.podSelector, p.labels) &&
    types(pol).includes(direction));
}

/** Whether dst's ingress policies admit src on proto/port. */
export function ingressAllowed(policies, src, dst, proto, port) {
  const sel = selecting(policies, dst, "Ingress");
  if (sel.length === 0) return true;
  return sel.some((pol) => (pol.spec.ingress ?? []).some((rule) =>
    (!rule.from?.length || rule.from.some((peer) => peerMatches(peer, pol.metadata.namespace, src))) &&
    portMatches(rule.ports, proto, port, dst)));
}

/** Whether src's egress policies let it reach dst on proto/port. */
export function egressAllowed(policies, src, dst, proto, port) {
  const sel = selecting(policies, src, "Egress");
  if (sel.length === 0) return true;
  return sel.some((pol) => (pol.spec.egress ?? []).some((rule) =>
    (!rule.to?.length || rule.to.some((peer) => peerMatches(peer, pol.metadata.namespace, dst))) &&
    portMatches(rule.ports, proto, port, dst)));
}

/** Ports tried against every endpoint when looking for any way through. */
export const PROBE_PORTS = [
  ["UDP", 53], ["TCP", 53], ["TCP", 80], ["TCP", 443], ["TCP", 3000], ["TCP", 4317], ["TCP", 5432],
  ["TCP", 8080], ["TCP", 8443], ["TCP", 9090], ["TCP", 9092], ["TCP", 9093], ["TCP", 9094],
];
const probes = (ep) => [...PROBE_PORTS, ...(ep.ports ?? []).map(([pr, n]) => [pr, n])];

/** Endpoints (other than itself) that src may send to on some port. */
export function egressReach(policies, src, world) {
  return world.filter((d) => d !== src && probes(d).some(([pr, n]) => egressAllowed(policies, src, d, pr, n)));
}

/** Endpoints (other than itself) dst admits on some port. */
export function ingressReach(policies, dst, world) {
  return world.filter((s) => s !== dst && probes(dst).some(([pr, n]) => ingressAllowed(policies, s, dst, pr, n)));
}

// --------------------------------------------------------- Kafka ACL model --
// Kafka's AclAuthorizer: an operation is allowed when an ALLOW ACL matches and
// no DENY ACL does. LITERAL matches the name (or "*"), PREFIXED any name that
// starts with it. Read, Write, Delete and Alter imply Describe; All implies all.

const IMPLIES_DESCRIBE = ["Read", "Write", "Delete", "Alter"];

function aclMatches(acl, type, name, op) {
  const r = acl.resource;
  if (r.type !== type) return false;
  if (type !== "cluster") {
    const pattern = r.patternType ?? "literal";
    if (pattern === "literal" && !(r.name === name || r.name === "*")) return false;
    if (pattern === "prefix" && !name.startsWith(r.name)) return false;
  }
  const ops = acl.operations ?? (acl.operation ? [acl.operation] : []);
  return ops.includes(op) || ops.includes("All") ||
    (op === "Describe" && ops.some((o) => IMPLIES_DESCRIBE.includes(o)));
}

export function kafkaAllowed(user, type, name, op) {
  const acls = user.spec.authorization?.acls ?? [];
  const m = acls.filter((a) => aclMatches(a, type, name, op));
  return m.some((a) => (a.type ?? "allow") === "allow") && !m.some((a) => a.type === "deny");
}
