// Validates every manifest of a rendered chart (the output of `helm template`).
//
//   node --test-reporter=tap validate.mjs <rendered.yaml> [<rendered.yaml> ...]
//
// 1. Schema: each object against the Kubernetes OpenAPI schemas (kubernetes-models),
//    and Strimzi KafkaTopic/KafkaUser and ServiceMonitor against their CRD schemas
//    (@kubernetes-models/strimzi-kafka-operator, @kubernetes-models/prometheus-operator).
//    Those schemas ignore unknown fields, so pod specs and containers are also checked
//    against an allow-list of field names (a misspelt "readinessprobe" fails here).
// 2. Consistency: references between objects resolve (ConfigMaps, ServiceAccounts,
//    selectors, HPA targets, ServiceMonitor ports), and the chart holds no Secret.
// 3. Contract: hardening of every pod, probes, and the environment variables the
//    applications read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { basename } from "node:path";
import { CONTAINER_FIELDS, DNS1123_LABEL, DNS1123_SUBDOMAIN, LABEL_VALUE, POD_SECURITY_CONTEXT_FIELDS,
  POD_SPEC_FIELDS, PROBE_FIELDS, SECURITY_CONTEXT_FIELDS, loadManifests, modelClass, unknownKeys } from "./k8s-model.mjs";


const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs <rendered.yaml>...");
  process.exit(2);
}

const APPS = ["gateway", "prisons", "probation", "intelligence", "partners", "people"];
// The services behind the gateway: the four agencies and the person index (ADR 0014).
const SERVICES = APPS.slice(1);
// The apps with OpenTelemetry: the person index has none.
const TRACED = APPS.filter((app) => app !== "people");

const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

const id = (o) => `${o.kind}/${o.metadata?.name}`;
// Volumes of the gateway from ConfigMaps the operator creates (not rendered by the chart).
const OPERATORS_CONFIGMAPS = ["policy", "federation-anchors", "federation-peer-cas"];

for (const file of files) {
  const tag = basename(file);
  const objs = loadManifests(file);
  const byKind = (k) => objs.filter((o) => o.kind === k);
  const find = (k, name) => objs.find((o) => o.kind === k && o.metadata?.name === name);

  test(`${tag}: rendered something`, () => {
    assert.ok(objs.length > 0, "no manifest rendered");
  });

  // ---- 1. schema ---------------------------------------------------------
  for (const o of objs) {
    test(`${tag}: schema ${o.apiVersion} ${id(o)}`, async () => {
      const Model = await modelClass(o.apiVersion, o.kind);
      assert.ok(Model, `no schema known for ${o.apiVersion} ${o.kind}`);
      const m = new Model(o);
      m.validate(); // throws with the JSON pointer of the first violation
      assert.match(o.metadata.name, DNS1123_SUBDOMAIN, "metadata.name is not a DNS-1123 subdomain");
      assert.ok(o.metadata.name.length <= 253);
      if (["Service", "Deployment"].includes(o.kind)) {
        assert.match(o.metadata.name, DNS1123_LABEL, `${o.kind} name must be a DNS-1123 label`);
        assert.ok(o.metadata.name.length <= 63, `${o.kind} name longer than 63`);
      }
      assert.ok(o.metadata.namespace, "metadata.namespace is not set");
      for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
        assert.ok(typeof v === "string" && v.length <= 63 && LABEL_VALUE.test(v), `bad label value ${k}=${v}`);
      }
      if (o.kind === "Deployment") {
        const pod = o.spec.template.spec;
        const unknown = [
          ...unknownKeys(pod, POD_SPEC_FIELDS, "spec.template.spec"),
          ...unknownKeys(pod.securityContext, POD_SECURITY_CONTEXT_FIELDS, "spec.template.spec.securityContext"),
        ];
        for (const c of pod.containers) {
          const w = `containers[${c.name}]`;
          unknown.push(...unknownKeys(c, CONTAINER_FIELDS, w));
          unknown.push(...unknownKeys(c.securityContext, SECURITY_CONTEXT_FIELDS, `${w}.securityContext`));
          for (const p of ["startupProbe", "livenessProbe", "readinessProbe"]) {
            unknown.push(...unknownKeys(c[p], PROBE_FIELDS, `${w}.${p}`));
          }
        }
        assert.deepEqual(unknown, [], `unknown fields: ${unknown.join(", ")}`);
      }
    });
  }

  test(`${tag}: object names are unique per kind`, () => {
    const seen = new Set();
    for (const o of objs) {
      const k = `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
      assert.ok(!seen.has(k), `duplicate ${k}`);
      seen.add(k);
    }
  });

  test(`${tag}: the chart contains no Secret`, () => {
    assert.deepEqual(byKind("Secret").map(id), []);
  });

  // ---- 2 and 3. per app ------------------------------------------------------
  for (const app of APPS) {
    const dep = byKind("Deployment").find((d) => d.metadata.labels?.["app.kubernetes.io/component"] === app);

    test(`${tag}: ${app}: Deployment, Service, ConfigMap, ServiceAccount, PDB and references`, () => {
      assert.ok(dep, `no Deployment for ${app}`);
      const name = dep.metadata.name;
      const podLabels = dep.spec.template.metadata.labels;
      assert.ok(matches(dep.spec.selector.matchLabels, podLabels), "Deployment selector does not match its pods");

      const svc = find("Service", name);
      assert.ok(svc, `no Service ${name}`);
      assert.equal(svc.spec.type ?? "ClusterIP", "ClusterIP");
      assert.ok(matches(svc.spec.selector, podLabels), "Service selector does not match the pods");
      const selectedBy = byKind("Deployment").filter((d) => matches(svc.spec.selector, d.spec.template.metadata.labels));
      assert.deepEqual(selectedBy.map(id), [id(dep)], "Service selects pods of another app");
      const http = svc.spec.ports.find((p) => p.name === "http");
      assert.ok(http && http.targetPort === "http", "Service has no http port to the container's http port");

      const pod = dep.spec.template.spec;
      assert.ok(find("ServiceAccount", pod.serviceAccountName), `ServiceAccount ${pod.serviceAccountName} not rendered`);
      assert.equal(find("ServiceAccount", pod.serviceAccountName).automountServiceAccountToken, false);
      assert.equal(pod.serviceAccountName, name, "each app has its own ServiceAccount");

      const c = pod.containers[0];
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef) assert.ok(find("ConfigMap", ef.configMapRef.name), `ConfigMap ${ef.configMapRef.name} not rendered`);
      }
      for (const v of pod.volumes ?? []) {
        // The gateway's policy and federation ConfigMaps are the operator's, like the Secrets; any other must be rendered.
        if (v.configMap && !(app === "gateway" && OPERATORS_CONFIGMAPS.includes(v.name))) {
          assert.ok(find("ConfigMap", v.configMap.name), `ConfigMap ${v.configMap.name} not rendered`);
        }
      }

      const pdb = find("PodDisruptionBudget", name);
      assert.ok(pdb, `no PodDisruptionBudget ${name}`);
      assert.ok(matches(pdb.spec.selector.matchLabels, podLabels), "PDB selector does not match the pods");
      const hpa = find("HorizontalPodAutoscaler", name);
      const minReplicas = hpa ? hpa.spec.minReplicas : dep.spec.replicas;
      if (minReplicas > 1) assert.equal(pdb.spec.minAvailable, 1, "PDB minAvailable 1 expected with >1 replica");
      else assert.equal(pdb.spec.maxUnavailable, 1, "PDB maxUnavailable 1 expected with 1 replica");
      if (hpa) {
        assert.equal(hpa.spec.scaleTargetRef.kind, "Deployment");
        assert.equal(hpa.spec.scaleTargetRef.name, name);
        assert.equal(dep.spec.replicas, undefined, "replicas must be left to the HPA");
        assert.ok(hpa.spec.metrics.some((m) => m.type === "Resource" && m.resource.name === "cpu"));
        assert.ok(hpa.spec.minReplicas <= hpa.spec.maxReplicas);
      }
    });

    test(`${tag}: ${app}: pod hardening and probes`, () => {
      assert.ok(dep);
      const pod = dep.spec.template.spec;
      assert.equal(pod.automountServiceAccountToken, false);
      assert.equal(pod.securityContext?.runAsNonRoot, true);
      assert.equal(pod.securityContext?.seccompProfile?.type, "RuntimeDefault");
      assert.equal(pod.containers.length, 1);
      const c = pod.containers[0];
      assert.match(c.image, new RegExp(`(^|/)interlock-${app}:[^:/]+$`), "image is not <registry>/interlock-<app>:<tag>");
      const sc = c.securityContext;
      assert.equal(sc.runAsNonRoot, true);
      assert.equal(sc.readOnlyRootFilesystem, true);
      assert.equal(sc.allowPrivilegeEscalation, false);
      assert.deepEqual(sc.capabilities?.drop, ["ALL"]);
      assert.equal(sc.capabilities?.add, undefined);
      assert.equal(sc.seccompProfile?.type, "RuntimeDefault");
      const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
      assert.ok(tmp, "no /tmp mount");
      assert.ok(pod.volumes.find((v) => v.name === tmp.name)?.emptyDir, "/tmp is not an emptyDir");
      for (const m of c.volumeMounts) assert.ok(pod.volumes.some((v) => v.name === m.name), `mount ${m.name} has no volume`);
      // The gateway's peer interface (federation.enabled) is its only other port.
      const federation = app === "gateway" && (c.env ?? []).some((e) => e.name === "INTERLOCK_FEDERATION_ENABLED" && e.value === "true");
      assert.deepEqual(c.ports.map((p) => [p.name, p.containerPort]), [["http", 8080], ...(federation ? [["federation", 8443]] : [])]);
      assert.equal(c.readinessProbe?.httpGet?.path, "/q/health/ready");
      assert.equal(c.livenessProbe?.httpGet?.path, "/q/health/live");
      assert.ok(c.startupProbe?.httpGet?.path?.startsWith("/q/health/"), "no startupProbe");
      for (const p of [c.readinessProbe, c.livenessProbe, c.startupProbe]) assert.equal(p.httpGet.port, "http");
      assert.ok(c.resources?.requests?.cpu, "no CPU request (the HPA needs one)");
      assert.ok(c.resources?.limits?.memory, "no memory limit");
    });

    /** The container's environment: ConfigMap and literal values, Secret references apart. */
    const runtimeOf = (deployment) => {
      const c = deployment.spec.template.spec.containers[0];
      const cm = find("ConfigMap", c.envFrom[0].configMapRef.name);
      const env = { ...cm.data };
      const fromSecret = {};
      for (const e of c.env ?? []) {
        if (e.valueFrom?.secretKeyRef) fromSecret[e.name] = e.valueFrom.secretKeyRef;
        else env[e.name] = e.value;
      }
      const mounts = c.volumeMounts ?? [];
      const mounted = (path) => mounts.some((m) => path.startsWith(m.mountPath + "/"));
      return { cm, env, fromSecret, mounts, mounted };
    };
    const runtime = () => runtimeOf(dep);

    test(`${tag}: ${app}: runtime environment contract`, () => {
      assert.ok(dep);
      const { cm, env, fromSecret, mounted } = runtime();
      // Nothing secret in the ConfigMap, nothing secret given as a literal value.
      for (const k of Object.keys(cm.data)) {
        assert.ok(!/PASSWORD|JAAS|SECRET|SIGNING_KEY/.test(k), `secret-looking key ${k} in ConfigMap`);
      }
      for (const k of ["QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_DATASOURCE_MIGRATION_PASSWORD", "QUARKUS_OIDC_CREDENTIALS_SECRET",
                       "INTERLOCK_GATEWAY_CLIENT_SECRET", "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_KEYSTORE_PASSWORD",
                       "INTERLOCK_AUDIT_SIGNING_KEY", "INTERLOCK_ACTOR_SECRET", "INTERLOCK_ACTOR_PREVIOUS_SECRET",
                       ...SERVICES.map((svc) => `INTERLOCK_ACTOR_${svc.toUpperCase()}_SECRET`)]) {
        assert.ok(!(k in env), `${k} must come from a Secret`);
      }
      assert.equal(env.QUARKUS_HTTP_HOST, "0.0.0.0");
      assert.equal(env.QUARKUS_HTTP_PORT, "8080");
      assert.equal(env.QUARKUS_PROFILE, "prod");
      assert.ok(env.KAFKA_BOOTSTRAP_SERVERS);
      assert.ok(["PLAINTEXT", "SSL", "SASL_SSL"].includes(env.KAFKA_SECURITY_PROTOCOL));
      if (env.KAFKA_SECURITY_PROTOCOL === "SASL_SSL") {
        assert.ok(env.KAFKA_SASL_MECHANISM, "SASL without KAFKA_SASL_MECHANISM");
        assert.ok(fromSecret.KAFKA_SASL_JAAS_CONFIG, "SASL without KAFKA_SASL_JAAS_CONFIG from a Secret");
      }
      if (env.KAFKA_SSL_TRUSTSTORE_LOCATION) {
        assert.equal(env.KAFKA_SSL_TRUSTSTORE_TYPE, "PEM");
        assert.ok(mounted(env.KAFKA_SSL_TRUSTSTORE_LOCATION), "truststore file is not mounted");
      }
      if (env.KAFKA_SSL_KEYSTORE_LOCATION) {
        assert.ok(env.KAFKA_SSL_KEYSTORE_TYPE);
        assert.ok(mounted(env.KAFKA_SSL_KEYSTORE_LOCATION), "keystore file is not mounted");
      }
      assert.ok(env.QUARKUS_DATASOURCE_USERNAME);
      assert.ok(fromSecret.QUARKUS_DATASOURCE_PASSWORD, "no database password Secret");
      assert.match(env.INTERLOCK_KEYCLOAK_URL ?? "", /^https?:\/\/[^/]+/);
      assert.ok(fromSecret.QUARKUS_OIDC_CREDENTIALS_SECRET, "no OIDC client secret");
      assert.ok(["true", "false"].includes(env.INTERLOCK_JSON_LOGS));
      const svcUrls = Object.keys(env).filter((k) => /^INTERLOCK_SERVICE_.*_URL$/.test(k));
      if (app === "gateway") {
        assert.ok(fromSecret.INTERLOCK_AUDIT_SIGNING_KEY, "gateway without INTERLOCK_AUDIT_SIGNING_KEY");
        const actorSecrets = SERVICES.map((svc) => fromSecret[`INTERLOCK_ACTOR_${svc.toUpperCase()}_SECRET`]);
        actorSecrets.forEach((ref, i) => assert.ok(ref, `gateway without ${SERVICES[i]}'s actor secret`));
        assert.equal(new Set(actorSecrets.map((ref) => JSON.stringify(ref))).size, SERVICES.length,
            "each service's actor secret is a Secret of its own");
        assert.equal(fromSecret.INTERLOCK_ACTOR_SECRET, undefined, "the gateway vouches for who acts, it verifies nothing");
        assert.ok(fromSecret.INTERLOCK_GATEWAY_CLIENT_SECRET, "the gateway needs its client secret for its service tokens");
        assert.deepEqual(fromSecret.INTERLOCK_GATEWAY_CLIENT_SECRET, fromSecret.QUARKUS_OIDC_CREDENTIALS_SECRET);
        assert.ok(fromSecret.INTERLOCK_DIRECTORY_CLIENT_SECRET, "the gateway needs the directory client's secret for the staff directory");
        assert.notDeepEqual(fromSecret.INTERLOCK_DIRECTORY_CLIENT_SECRET, fromSecret.QUARKUS_OIDC_CREDENTIALS_SECRET,
            "the staff directory reads Keycloak with a client of its own");
        if (env.INTERLOCK_FEDERATION_ENABLED === "true") {
          // Every federation file the gateway reads is on a read-only volume; the peer interface has its Service.
          const files = Object.entries(env).filter(([, v]) => typeof v === "string" && v.startsWith("/etc/interlock/federation/"));
          assert.equal(files.length, 5, `federation files: ${files.map(([k]) => k)}`);
          for (const [k, path] of files) assert.ok(mounted(path), `${k}: ${path} is not mounted`);
          const svc = byKind("Service").find((s) => s.spec.ports.some((p) => p.targetPort === "federation"));
          assert.ok(svc, "no Service exposes the federation port");
          assert.deepEqual(svc.spec.ports.map((p) => p.targetPort), ["federation"], "the federation Service exposes more than 8443");
          assert.ok(matches(svc.spec.selector, dep.spec.template.metadata.labels), "the federation Service does not select the gateway");
          const selectedBy = byKind("Deployment").filter((d) => matches(svc.spec.selector, d.spec.template.metadata.labels));
          assert.deepEqual(selectedBy.map(id), [id(dep)], "the federation Service selects pods of another app");
        } else {
          assert.deepEqual(Object.keys(env).filter((k) => /^(INTERLOCK_FEDERATION_|QUARKUS_TLS_|QUARKUS_HTTP_SSL)/.test(k)), [], "federation settings while it is off");
        }
        if (env.INTERLOCK_POLICY_DIRECTORY) {
          assert.ok(mounted(`${env.INTERLOCK_POLICY_DIRECTORY}/interlock-policy.yaml`), "the policy directory is not mounted");
        }
        assert.equal(svcUrls.length, SERVICES.length);
        for (const ag of SERVICES) {
          const url = env[`INTERLOCK_SERVICE_${ag.toUpperCase()}_URL`];
          const u = /^http:\/\/([a-z0-9-]+):(\d+)$/.exec(url ?? "");
          assert.ok(u, `bad INTERLOCK_SERVICE_${ag.toUpperCase()}_URL ${url}`);
          const svc = find("Service", u[1]);
          assert.ok(svc, `gateway points at Service ${u[1]} which is not rendered`);
          assert.equal(svc.metadata.labels["app.kubernetes.io/component"], ag);
          assert.ok(svc.spec.ports.some((p) => p.port === Number(u[2])), `Service ${u[1]} has no port ${u[2]}`);
        }
      } else {
        assert.equal(fromSecret.INTERLOCK_AUDIT_SIGNING_KEY, undefined, "only the gateway holds the audit signing key");
        assert.ok(fromSecret.INTERLOCK_ACTOR_SECRET, "a service without INTERLOCK_ACTOR_SECRET refuses every write");
        for (const svc of SERVICES) {
          assert.equal(fromSecret[`INTERLOCK_ACTOR_${svc.toUpperCase()}_SECRET`], undefined,
              "only the gateway holds every service's actor secret");
        }
        const gateway = byKind("Deployment").find((d) => d.metadata.labels?.["app.kubernetes.io/component"] === "gateway");
        const gatewayRef = runtimeOf(gateway).fromSecret[`INTERLOCK_ACTOR_${app.toUpperCase()}_SECRET`];
        assert.deepEqual(fromSecret.INTERLOCK_ACTOR_SECRET, gatewayRef, "the service holds the secret the gateway vouches to it with");
        assert.equal(fromSecret.INTERLOCK_GATEWAY_CLIENT_SECRET, undefined, "only the gateway holds its client secret");
        assert.equal(fromSecret.INTERLOCK_DIRECTORY_CLIENT_SECRET, undefined, "only the gateway reads the staff directory");
        assert.deepEqual(svcUrls, [], "a service must not know the other services' URLs");
        for (const k of [...Object.keys(env), ...Object.keys(fromSecret)]) {
          assert.ok(!/^(QUARKUS_DATASOURCE_MIGRATION_|INTERLOCK_AUDIT_|INTERLOCK_POLICY_|INTERLOCK_FEDERATION_|QUARKUS_TLS_|QUARKUS_HTTP_SSL)/.test(k), `${k} is the gateway's alone`);
        }
      }
    });

    // JDBC (Flyway, and the gateway's audit store) gets TLS from its URL: pgjdbc reads sslmode
    // and sslrootcert there. Without them it would fall back to "prefer" and no CA.
    test(`${tag}: ${app}: JDBC URL carries sslmode (and sslrootcert when a CA is mounted), as the reactive pool does`, () => {
      assert.ok(dep);
      const { env, mounts, mounted } = runtime();
      const mode = env.INTERLOCK_DB_SSLMODE;
      assert.ok(["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].includes(mode), `INTERLOCK_DB_SSLMODE ${mode}`);
      const jdbcUrls = Object.entries(env).filter(([k]) => /^QUARKUS_DATASOURCE_(MIGRATION_)?JDBC_URL$/.test(k));
      assert.ok(jdbcUrls.length >= 1, "no JDBC URL");
      const caMounted = mounts.some((m) => m.name === "postgresql-ca");
      for (const [k, url] of jdbcUrls) {
        const m = /^jdbc:postgresql:\/\/[^:/]+:\d+\/\w+\?(.+)$/.exec(url);
        assert.ok(m, `${k} ${url} has no parameters`);
        const params = new URLSearchParams(m[1]);
        assert.equal(params.get("sslmode"), mode, `${k} does not carry sslmode=${mode}`);
        const root = params.get("sslrootcert");
        if (["verify-ca", "verify-full"].includes(mode)) assert.ok(root, `${k}: ${mode} without sslrootcert`);
        if (root) assert.ok(mounted(root), `${k}: sslrootcert ${root} is not mounted`);
        else assert.ok(!caMounted, `${k}: the database CA is mounted but not used`);
        if (env.QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS) {
          assert.equal(root, env.QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS, "JDBC and reactive pools trust different CAs");
        }
      }
      if (env.QUARKUS_DATASOURCE_REACTIVE_URL) assert.equal(env.QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE, mode);
    });

    if (app === "gateway") {
      // The audit log's integrity in the database: Flyway runs as the owner; the gateway runs as a
      // role the migrations grant SELECT and INSERT on the audit rows only.
      test(`${tag}: gateway: two database roles, the owner migrates and the runtime role may only read and append`, () => {
        assert.ok(dep);
        const { env, fromSecret } = runtime();
        assert.equal(env.QUARKUS_DATASOURCE_REACTIVE_URL, undefined, "the gateway uses JDBC only");
        assert.equal(env.QUARKUS_DATASOURCE_MIGRATION_JDBC_URL, env.QUARKUS_DATASOURCE_JDBC_URL, "migration and runtime reach different databases");
        assert.ok(env.QUARKUS_DATASOURCE_MIGRATION_USERNAME, "no migration (owner) role");
        assert.notEqual(env.QUARKUS_DATASOURCE_MIGRATION_USERNAME, env.QUARKUS_DATASOURCE_USERNAME, "the runtime role must not be the owner");
        assert.ok(fromSecret.QUARKUS_DATASOURCE_MIGRATION_PASSWORD, "no migration password Secret");
        assert.notDeepEqual(fromSecret.QUARKUS_DATASOURCE_MIGRATION_PASSWORD, fromSecret.QUARKUS_DATASOURCE_PASSWORD,
          "owner and runtime role read one password Secret");
        assert.equal(env.INTERLOCK_AUDIT_RUNTIME_ROLE, env.QUARKUS_DATASOURCE_USERNAME, "the migrations must grant the role the gateway runs as");
      });
    } else {
      test(`${tag}: ${app}: reactive and JDBC pools on its own database`, () => {
        assert.ok(dep);
        const { env } = runtime();
        const r = /^postgresql:\/\/([^:/]+):(\d+)\/(\w+)$/.exec(env.QUARKUS_DATASOURCE_REACTIVE_URL ?? "");
        assert.ok(r, `bad QUARKUS_DATASOURCE_REACTIVE_URL ${env.QUARKUS_DATASOURCE_REACTIVE_URL}`);
        const j = /^jdbc:postgresql:\/\/([^:/]+):(\d+)\/(\w+)\?/.exec(env.QUARKUS_DATASOURCE_JDBC_URL ?? "");
        assert.ok(j, `bad QUARKUS_DATASOURCE_JDBC_URL ${env.QUARKUS_DATASOURCE_JDBC_URL}`);
        assert.deepEqual(r.slice(1), j.slice(1), "reactive and JDBC URLs name different databases");
      });
    }

    test(`${tag}: ${app}: OpenTelemetry on exactly when enabled${TRACED.includes(app) ? "" : " (never: not traced)"}, exporting to the configured collector`, () => {
      assert.ok(dep);
      const { env } = runtime();
      if (!TRACED.includes(app)) {
        assert.deepEqual(Object.keys(env).filter((k) => /OTEL/.test(k)), [], `${app} has no OpenTelemetry to configure`);
        return;
      }
      assert.ok(["true", "false"].includes(env.INTERLOCK_OTEL_DISABLED), `INTERLOCK_OTEL_DISABLED ${env.INTERLOCK_OTEL_DISABLED}`);
      if (env.INTERLOCK_OTEL_DISABLED === "false") assert.match(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? "", /^https?:\/\/[^/]+/);
      else assert.equal(env.OTEL_EXPORTER_OTLP_ENDPOINT, undefined);
      assert.equal(Object.keys(env).filter((k) => k.startsWith("QUARKUS_OTEL_")).length, 0,
        "OpenTelemetry is configured through INTERLOCK_OTEL_DISABLED and OTEL_EXPORTER_OTLP_ENDPOINT only");
    });
  }

  test(`${tag}: ServiceMonitors select a Service with an http port`, () => {
    for (const sm of byKind("ServiceMonitor")) {
      const svcs = byKind("Service").filter((s) => matches(sm.spec.selector.matchLabels, s.metadata.labels));
      assert.ok(svcs.length >= 1, `${id(sm)} selects no Service`);
      for (const ep of sm.spec.endpoints) {
        assert.equal(ep.path, "/q/metrics");
        for (const s of svcs) assert.ok(s.spec.ports.some((p) => p.name === ep.port), `${s.metadata.name} has no port ${ep.port}`);
      }
    }
  });

  test(`${tag}: Ingress routes to the gateway only`, () => {
    for (const ing of byKind("Ingress")) {
      for (const r of ing.spec.rules) {
        for (const p of r.http.paths) {
          const svc = find("Service", p.backend.service.name);
          assert.ok(svc, `Ingress backend ${p.backend.service.name} not rendered`);
          assert.equal(svc.metadata.labels["app.kubernetes.io/component"], "gateway");
        }
      }
    }
  });

  test(`${tag}: Strimzi resources are labelled for one cluster`, () => {
    const strimzi = objs.filter((o) => o.apiVersion === "kafka.strimzi.io/v1beta2");
    const clusters = new Set(strimzi.map((o) => o.metadata.labels?.["strimzi.io/cluster"]));
    assert.ok(!clusters.has(undefined), "a Strimzi resource has no strimzi.io/cluster label");
    assert.ok(clusters.size <= 1, `Strimzi resources name several clusters: ${[...clusters]}`);
    for (const t of byKind("KafkaTopic")) {
      assert.ok(t.spec.partitions >= 1 && t.spec.replicas >= 1);
      // The audit log is sequenced in the gateway's PostgreSQL database, not through Kafka.
      assert.notEqual(t.spec.topicName, "interlock.audit", "there is no audit topic any more");
      const compacted = ["interlock.consents", "interlock.people.links"].includes(t.spec.topicName) ||
        /^interlock\.[a-z]+\.state$/.test(t.spec.topicName);
      if (compacted) assert.equal(t.spec.config?.["cleanup.policy"], "compact", `${t.spec.topicName} is compacted`);
    }
  });
}
