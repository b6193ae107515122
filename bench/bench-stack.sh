# Shared by the *.bench scripts that measure the real local stack (sourced, never run: bench/run
# runs only *.bench). What it gives them:
#   bench_stack NAME APPS   its own stack in .interlock/NAME on its own ports, only APPS running,
#                           stopped when the bench exits
#   bench_load CLASS ARGS   runs a load generator of bench/load (compiled here with javac against
#                           the stack's classpath: kafka-clients and Jackson, nothing else)
# Environment:
#   BENCH_PORT_OFFSET  added to every port of the bench's stack (default 0: gateway 28080, Kafka
#                      29092, ...), for a machine where another stack already holds those ports
#   BENCH_PROFILE=1    each load generator records a JFR of the gateway (and of the service it
#                      measures) during each measured phase, into .interlock/NAME/profiles/, and
#                      prints where (PROFILE| lines, listed by bench/run under its table)
#   BENCH_SECONDS      length of each timed phase (default 20)
# Nothing is built with install: a missing application is packaged (under the caller's Maven lock).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$ROOT/deploy/find-jdk")" || { echo "no JDK 21 or newer found" >&2; exit 1; }
export JAVA_HOME
SECONDS_PER_PHASE="${BENCH_SECONDS:-20}"

bench_ports() {
  local off="${BENCH_PORT_OFFSET:-0}"
  export INTERLOCK_GATEWAY_PORT=$((28080 + off)) INTERLOCK_KEYCLOAK_PORT=$((28180 + off)) \
         INTERLOCK_KEYCLOAK_MANAGEMENT_PORT=$((28190 + off)) INTERLOCK_KAFKA_PORT=$((29092 + off)) \
         INTERLOCK_KAFKA_CONTROLLER_PORT=$((29093 + off)) INTERLOCK_POSTGRES_PORT=$((35432 + off)) \
         INTERLOCK_PRISONS_PORT=$((28081 + off)) INTERLOCK_PROBATION_PORT=$((28082 + off)) \
         INTERLOCK_INTELLIGENCE_PORT=$((28083 + off)) INTERLOCK_PARTNERS_PORT=$((28084 + off)) \
         INTERLOCK_PEOPLE_PORT=$((28085 + off))
  local name port
  for name in INTERLOCK_GATEWAY_PORT INTERLOCK_KEYCLOAK_PORT INTERLOCK_KEYCLOAK_MANAGEMENT_PORT INTERLOCK_KAFKA_PORT \
      INTERLOCK_KAFKA_CONTROLLER_PORT INTERLOCK_POSTGRES_PORT INTERLOCK_PRISONS_PORT INTERLOCK_PROBATION_PORT \
      INTERLOCK_INTELLIGENCE_PORT INTERLOCK_PARTNERS_PORT INTERLOCK_PEOPLE_PORT; do
    port="${!name}"
    if [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]; then
      echo "port $port ($name) is taken, probably by another stack: set BENCH_PORT_OFFSET" >&2
      exit 1
    fi
  done
}

# The applications the stack runs and the stack's classpath, made here rather than by deploy/stack
# (which would install). bench/run is run under the machine's Maven lock
# (flock /tmp/interlock-maven.lock bench/run ...), so these Maven runs hold it already: taking it
# again here would wait for ourselves.
bench_build() {
  local modules=() app module
  for app in prisons probation intelligence partners gateway; do
    module="services/$app"; [[ "$app" == gateway ]] && module=gateway
    [[ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ]] || modules+=("$module")
  done
  [[ -f "$ROOT/deploy/local-stack/target/classes/org/interlock/stack/LocalStack.class" ]] || modules+=(deploy/local-stack)
  if (( ${#modules[@]} )); then
    echo "packaging ${modules[*]}" >&2
    (cd "$ROOT" && ./mvnw -B -q -o -pl "$(IFS=,; echo "${modules[*]}")" -am \
        package -DskipTests) >&2
  fi
  local cp_file="$ROOT/.interlock/local-stack.classpath"
  if [[ ! -s "$cp_file" || "$ROOT/deploy/local-stack/pom.xml" -nt "$cp_file" || "$ROOT/pom.xml" -nt "$cp_file" ]]; then
    mkdir -p "$ROOT/.interlock"
    (cd "$ROOT" && ./mvnw -B -q -o -pl deploy/local-stack dependency:build-classpath \
        -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime -Dmdep.excludeTypes=zip) >&2
  fi
}

bench_stack() {
  local name="$1" apps="$2"
  export INTERLOCK_STACK_DIR="$ROOT/.interlock/$name"
  export INTERLOCK_STACK_APPS="$apps"
  bench_ports
  bench_build
  # Fresh topics and databases each run (what an earlier run left would be read again by the
  # gateway's views); Keycloak's built server and PostgreSQL's binaries are kept (a warm start).
  "$ROOT/deploy/stack" down >/dev/null 2>&1 || true
  rm -rf "$INTERLOCK_STACK_DIR/kafka" "$INTERLOCK_STACK_DIR/postgres/data"
  trap '"$ROOT/deploy/stack" down >/dev/null 2>&1 || true' EXIT
  local began=$SECONDS
  "$ROOT/deploy/stack" up --detach >/dev/null
  echo "stack $name ($apps) up in $((SECONDS - began)) s" >&2
  # What the load generators measure the CPU of (and profile): each application, the Kafka broker
  # (a JVM of its own), PostgreSQL (its postmaster; the generator adds its children), all as the
  # stack's supervisor records them in stack.status.
  local pids="" app
  for app in kafka ${apps//,/ }; do
    pids+="${pids:+,}$([[ "$app" == kafka ]] && echo broker || echo "$app")=$(component_pid "$app")"
  done
  pids+=",postgres=$(head -1 "$INTERLOCK_STACK_DIR/postgres/data/postmaster.pid")"
  export BENCH_PIDS="$pids"
  export BENCH_PROFILE_DIR="$INTERLOCK_STACK_DIR/profiles"
}

# The pid of a component the stack started, from its supervisor's status file.
component_pid() {
  awk -F'\t' -v c="$1" '$1 == c {print $2}' "$INTERLOCK_STACK_DIR/stack.status"
}

bench_load() {
  local class="$1"; shift
  local classes="$ROOT/.interlock/bench-load-classes" cp
  cp="$(cat "$ROOT/.interlock/local-stack.classpath")"
  mkdir -p "$classes"
  "$JAVA_HOME/bin/javac" -nowarn -d "$classes" -cp "$cp" "$ROOT"/bench/load/org/interlock/bench/*.java
  "$JAVA_HOME/bin/java" -Xmx1g -cp "$classes:$cp" "org.interlock.bench.$class" "$@"
}
