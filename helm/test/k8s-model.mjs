// The Kubernetes side of validate.mjs: where each kind's schema model lives, the field names
// Kubernetes knows for the parts of a pod the chart writes (its schemas ignore unknown fields), and
// the name formats.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// apiVersion -> module prefix holding one class per kind.
const MODULES = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "kafka.strimzi.io/v1beta2": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

export function loadManifests(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const out = [];
  for (const d of docs) {
    if (d.errors.length) throw new Error(`${file}: YAML error: ${d.errors[0].message}`);
    const o = d.toJS();
    if (o != null) out.push(o);
  }
  return out;
}

export async function modelClass(apiVersion, kind) {
  const prefix = MODULES[apiVersion];
  if (!prefix) return null;
  try {
    const mod = await import(`${prefix}/${kind}`);
    return mod[kind] ?? null;
  } catch {
    return null;
  }
}

// Field names Kubernetes knows (v1.35) for the parts of a pod the chart writes.
export const POD_SPEC_FIELDS = new Set([
  "activeDeadlineSeconds", "affinity", "automountServiceAccountToken", "containers", "dnsConfig",
  "dnsPolicy", "enableServiceLinks", "ephemeralContainers", "hostAliases", "hostIPC", "hostNetwork",
  "hostPID", "hostUsers", "hostname", "imagePullSecrets", "initContainers", "nodeName", "nodeSelector",
  "os", "overhead", "preemptionPolicy", "priority", "priorityClassName", "readinessGates",
  "resourceClaims", "resources", "restartPolicy", "runtimeClassName", "schedulerName", "schedulingGates",
  "securityContext", "serviceAccount", "serviceAccountName", "setHostnameAsFQDN", "shareProcessNamespace",
  "subdomain", "terminationGracePeriodSeconds", "tolerations", "topologySpreadConstraints", "volumes",
]);
export const CONTAINER_FIELDS = new Set([
  "args", "command", "env", "envFrom", "image", "imagePullPolicy", "lifecycle", "livenessProbe", "name",
  "ports", "readinessProbe", "resizePolicy", "resources", "restartPolicy", "securityContext",
  "startupProbe", "stdin", "stdinOnce", "terminationMessagePath", "terminationMessagePolicy", "tty",
  "volumeDevices", "volumeMounts", "workingDir",
]);
export const SECURITY_CONTEXT_FIELDS = new Set([
  "allowPrivilegeEscalation", "appArmorProfile", "capabilities", "privileged", "procMount",
  "readOnlyRootFilesystem", "runAsGroup", "runAsNonRoot", "runAsUser", "seLinuxOptions",
  "seccompProfile", "windowsOptions",
]);
export const POD_SECURITY_CONTEXT_FIELDS = new Set([
  "appArmorProfile", "fsGroup", "fsGroupChangePolicy", "runAsGroup", "runAsNonRoot", "runAsUser",
  "seLinuxChangePolicy", "seLinuxOptions", "seccompProfile", "supplementalGroups",
  "supplementalGroupsPolicy", "sysctls", "windowsOptions",
]);
export const PROBE_FIELDS = new Set([
  "exec", "failureThreshold", "grpc", "httpGet", "initialDelaySeconds", "periodSeconds",
  "successThreshold", "tcpSocket", "terminationGracePeriodSeconds", "timeoutSeconds",
]);

export function unknownKeys(obj, allowed, where) {
  return Object.keys(obj ?? {}).filter((k) => !allowed.has(k)).map((k) => `${where}.${k}`);
}

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
