{{/*
Interlock chart helpers.

Naming contract: every per-app object is called "<fullname>-<app>", where
<fullname> is the release name (or fullnameOverride). The gateway reaches the
services at http://<release>-<service>:8080, as the runtime contract requires.
*/}}

{{/* The six applications, gateway first. */}}
{{- define "interlock.apps" -}}
gateway prisons probation intelligence partners people
{{- end -}}

{{/* The four agencies: each has its events, state, inbox and dead-letter topics. */}}
{{- define "interlock.agencies" -}}
prisons probation intelligence partners
{{- end -}}

{{/*
The services behind the gateway: the four agencies and the person index
(people, ADR 0014). The gateway calls each (INTERLOCK_SERVICE_<SVC>_URL) and
vouches for who acts to each with a secret of its own (actor.<svc>).
*/}}
{{- define "interlock.services" -}}
{{ include "interlock.agencies" . }} people
{{- end -}}

{{/*
The apps that export traces over OTLP (they have Quarkus OpenTelemetry): all but
the person index, which has no tracing, so gets neither the OTel settings nor the
egress to the collector.
*/}}
{{- define "interlock.tracedApps" -}}
gateway {{ include "interlock.agencies" . }}
{{- end -}}

{{- define "interlock.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "interlock.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "interlock.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* "<fullname>-<app>". Call with (dict "root" $ "app" "prisons"). */}}
{{- define "interlock.appName" -}}
{{- printf "%s-%s" (include "interlock.fullname" .root) .app | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels shared by every object of the release. */}}
{{- define "interlock.labels" -}}
helm.sh/chart: {{ include "interlock.chart" . }}
app.kubernetes.io/name: {{ include "interlock.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: interlock
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels for every pod of the release (used by the default-deny policy). */}}
{{- define "interlock.releaseSelectorLabels" -}}
app.kubernetes.io/name: {{ include "interlock.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one app's pods. Call with (dict "root" $ "app" "prisons"). */}}
{{- define "interlock.selectorLabels" -}}
{{ include "interlock.releaseSelectorLabels" .root }}
app.kubernetes.io/component: {{ .app }}
{{- end -}}

{{/* All labels of one app's objects. Call with (dict "root" $ "app" "prisons"). */}}
{{- define "interlock.appLabels" -}}
{{ include "interlock.labels" .root }}
app.kubernetes.io/component: {{ .app }}
{{- end -}}

{{/*
Effective settings of one app: the keys of .Values.defaults, each replaced
whole by the app's own key when the app sets it (a shallow merge, so that
"enabled: false" in an app really overrides "enabled: true" in defaults).
Returns YAML; use with fromYaml.
*/}}
{{- define "interlock.appConfig" -}}
{{- $cfg := dict -}}
{{- range $k, $v := .root.Values.defaults -}}
{{- $_ := set $cfg $k $v -}}
{{- end -}}
{{- range $k, $v := (index .root.Values.apps .app) -}}
{{- $_ := set $cfg $k $v -}}
{{- end -}}
{{- toYaml $cfg -}}
{{- end -}}

{{/* Container image "<registry>/interlock-<app>:<tag>". */}}
{{- define "interlock.image" -}}
{{- $img := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $img.tag -}}
{{- if $img.registry -}}
{{- printf "%s/interlock-%s:%s" (trimSuffix "/" $img.registry) .app $tag -}}
{{- else -}}
{{- printf "interlock-%s:%s" .app $tag -}}
{{- end -}}
{{- end -}}

{{/* Name of the Strimzi KafkaUser (and so of its Secret) of one app. */}}
{{- define "interlock.kafkaUserName" -}}
{{- include "interlock.appName" . -}}
{{- end -}}

{{/* Name of the Secret holding KAFKA_SASL_JAAS_CONFIG for one app ("" when none). */}}
{{- define "interlock.kafkaJaasSecretName" -}}
{{- $app := index .root.Values.apps .app -}}
{{- $s := (($app.kafka | default dict).saslJaasConfigSecret | default dict) -}}
{{- if $s.name -}}
{{- $s.name -}}
{{- else if and .root.Values.strimzi.enabled (eq .root.Values.strimzi.users.authentication "scram-sha-512") -}}
{{- include "interlock.kafkaUserName" . -}}
{{- end -}}
{{- end -}}

{{/* Name of the Secret holding the Kafka client keystore (mTLS) for one app ("" when none). */}}
{{- define "interlock.kafkaKeystoreSecretName" -}}
{{- $app := index .root.Values.apps .app -}}
{{- $s := (($app.kafka | default dict).keystoreSecret | default dict) -}}
{{- if $s.name -}}
{{- $s.name -}}
{{- else if and .root.Values.strimzi.enabled (eq .root.Values.strimzi.users.authentication "tls") -}}
{{- include "interlock.kafkaUserName" . -}}
{{- end -}}
{{- end -}}

{{- define "interlock.kafkaUsesTls" -}}
{{- if has .Values.kafka.securityProtocol (list "SSL" "SASL_SSL") -}}true{{- end -}}
{{- end -}}

{{- define "interlock.kafkaUsesSasl" -}}
{{- if eq .Values.kafka.securityProtocol "SASL_SSL" -}}true{{- end -}}
{{- end -}}

{{/* Whether one app presents a client certificate to Kafka (mTLS). */}}
{{- define "interlock.kafkaUsesKeystore" -}}
{{- if and (include "interlock.kafkaUsesTls" .root) (include "interlock.kafkaKeystoreSecretName" .) -}}true{{- end -}}
{{- end -}}

{{- define "interlock.dbUsesCa" -}}
{{- if .Values.postgresql.tls.caSecret.name -}}true{{- end -}}
{{- end -}}

{{/* Mount points of the files taken from Secrets. */}}
{{- define "interlock.kafkaTruststorePath" -}}
/etc/interlock/kafka/truststore/{{ .Values.kafka.tls.truststoreSecret.key }}
{{- end -}}
{{- define "interlock.kafkaKeystorePath" -}}
/etc/interlock/kafka/keystore/{{ .Values.kafka.tls.keystore.key }}
{{- end -}}
{{- define "interlock.dbCaPath" -}}
/etc/interlock/postgresql/{{ .Values.postgresql.tls.caSecret.key }}
{{- end -}}
{{/* Directory the gateway reads interlock-policy.yaml from when a policy ConfigMap is given. */}}
{{- define "interlock.policyPath" -}}
/etc/interlock/policy
{{- end -}}

{{/* Name of the ConfigMap holding the gateway's policy file ("" = the policy built into the image). */}}
{{- define "interlock.policyConfigMap" -}}
{{- ((.Values.apps.gateway.policy | default dict).configMap | default "") -}}
{{- end -}}

{{/*
NetworkPolicy peers from a "network target" of the values:
  cidrs: [..]            -> one ipBlock peer per CIDR
  namespaceSelector: {}  -> together with podSelector, one peer (AND)
  podSelector: {}        -> alone: pods in the release namespace
Renders a non-empty YAML list; fails rather than render an empty one (an
empty "to"/"from" would mean "everywhere"). Call with the target dict.
*/}}
{{- define "interlock.peers" -}}
{{- $peers := list -}}
{{- range (.cidrs | default list) -}}
{{- $peers = append $peers (dict "ipBlock" (dict "cidr" .)) -}}
{{- end -}}
{{- if or .namespaceSelector .podSelector -}}
{{- $p := dict -}}
{{- with .namespaceSelector -}}{{- $_ := set $p "namespaceSelector" . -}}{{- end -}}
{{- with .podSelector -}}{{- $_ := set $p "podSelector" . -}}{{- end -}}
{{- $peers = append $peers $p -}}
{{- end -}}
{{- if not $peers -}}
{{- fail "internal: a NetworkPolicy rule would have no peer (that would allow everyone)" -}}
{{- end -}}
{{- toYaml $peers -}}
{{- end -}}

{{/* NetworkPolicy ports from a list of numbers. Call with (dict "ports" list "protocol" "TCP"). */}}
{{- define "interlock.ports" -}}
{{- $proto := .protocol | default "TCP" -}}
{{- $ports := list -}}
{{- range .ports -}}
{{- $ports = append $ports (dict "protocol" $proto "port" (int .)) -}}
{{- end -}}
{{- toYaml $ports -}}
{{- end -}}

{{/* Fails the render unless the network target names at least one peer. */}}
{{- define "interlock.requireTarget" -}}
{{- $t := .target | default dict -}}
{{- if not (or $t.cidrs $t.namespaceSelector $t.podSelector) -}}
{{- fail (printf "networkPolicy is enabled but %s names no peer: set its cidrs, or namespaceSelector/podSelector" .what) -}}
{{- end -}}
{{- if not $t.ports -}}
{{- fail (printf "networkPolicy is enabled but %s names no ports" .what) -}}
{{- end -}}
{{- end -}}

{{/*
The web console's public origin (ADR 0020): console.origin, else the first ingress host (https
when the ingress has TLS), else empty. Its redirect URI is "<origin>/console/".
*/}}
{{- define "interlock.consoleOrigin" -}}
{{- if .Values.console.origin -}}
{{- .Values.console.origin | trimSuffix "/" -}}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts -}}
{{- printf "%s://%s" (ternary "https" "http" (not (empty .Values.ingress.tls))) (index .Values.ingress.hosts 0).host -}}
{{- end -}}
{{- end -}}

{{/*
Federation (ADR 0021): where the gateway finds its federation files, each from a Secret or
ConfigMap volume of its own under /etc/interlock/federation. These paths are the contract with
the gateway (INTERLOCK_FEDERATION_*_FILE, QUARKUS_TLS_FEDERATION_*).
*/}}
{{- define "interlock.federationDir" -}}
/etc/interlock/federation
{{- end -}}

{{/* The Service that exposes the gateway's peer interface (8443) to the peers. */}}
{{- define "interlock.federationServiceName" -}}
{{- printf "%s-federation" (include "interlock.appName" (dict "root" . "app" "gateway")) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Fails the render on federation values JSON Schema cannot judge: the federation key in the audit
key's Secret (different holders, different rotation: a leak of one must not give the other), and
0400 Secret files without an fsGroup (the non-root user could not read them; with an fsGroup the
kubelet makes them group-readable for it).
*/}}
{{- define "interlock.federationGuards" -}}
{{- $f := .Values.federation -}}
{{- if $f.enabled -}}
{{- if eq $f.signingKey.secretName .Values.apps.gateway.auditSigningKey.name -}}
{{- fail (printf "federation.signingKey.secretName must not be the audit signing key's Secret (%s): the federation key is a key of its own" .Values.apps.gateway.auditSigningKey.name) -}}
{{- end -}}
{{- if not (hasKey .Values.podSecurityContext "fsGroup") -}}
{{- fail "federation.enabled needs podSecurityContext.fsGroup: the federation key and certificate are mounted 0400 and only the fsGroup makes them readable to the non-root user" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* NetworkPolicy peers from federation.allowFrom: a CIDR string becomes an ipBlock peer. */}}
{{- define "interlock.federationPeers" -}}
{{- $peers := list -}}
{{- range . -}}
{{- if kindIs "string" . -}}
{{- $peers = append $peers (dict "ipBlock" (dict "cidr" .)) -}}
{{- else -}}
{{- $peers = append $peers . -}}
{{- end -}}
{{- end -}}
{{- toYaml $peers -}}
{{- end -}}
