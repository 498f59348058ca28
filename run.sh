#!/usr/bin/env bash
# Trygghetsnav, the local run: one command brings up the whole system without Docker.
#
#   ./run.sh          build what is missing, start everything, wait until healthy, print the URLs;
#                     Ctrl-C stops everything this script started
#   ./run.sh stop     stop a run started from another terminal
#   ./run.sh status   show what runs
#
# Starts, each as its own process: a standalone Kafka broker in KRaft mode, mongo-java-server with its
# H2 file backend, GreenMail (SMTP plus a REST view of received mail), the authorization server that
# issues the demo tokens, and the four services.
# Data, logs and process ids live in .devstack/ (ignored by git); a second start finds the data of the first.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
STATE="$ROOT/.devstack"
DATA="$STATE/data"
LOGS="$STATE/logs"
PIDS="$STATE/pids"
APPS="$STATE/apps"

SERVICES=(plan-service followup-service notification-service est-lagesbild-service)
AUTH=auth-server
AUTH_PORT=9000
APPLICATIONS=("$AUTH" "${SERVICES[@]}")
declare -A HTTP_PORT=([plan-service]=8081 [followup-service]=8082 [notification-service]=8083 [est-lagesbild-service]=8084)
declare -A MANAGEMENT_PORT=([plan-service]=9081 [followup-service]=9082 [notification-service]=9083 [est-lagesbild-service]=9084)
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
MONGO_PORT=27017
SMTP_PORT=3025
MAIL_API_PORT=8025

# Lean flags keep seven JVMs comfortable on a 2-core machine (measured: see README).
SERVICE_JVM_FLAGS=(-Xms64m -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -Dspring.main.banner-mode=off)
INFRA_JVM_FLAGS=(-Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m)

say() { printf '%s\n' "$*"; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# --- JDK ---------------------------------------------------------------------------------------------

java_feature_version() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1
}

# A JDK 21 or newer: JAVA_HOME if it is one, else `java` on the PATH, else the newest under /usr/lib/jvm.
select_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version="$(java_feature_version "$candidate/bin/java")"
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      JAVA="$candidate/bin/java"
      JAVA_VERSION="${version%%.*}"
      return
    fi
  done
  fail "no JDK 21 or newer found; install one or point JAVA_HOME at it"
}

# --- build -------------------------------------------------------------------------------------------

exec_jar() { echo "$ROOT/$1/target/$1-0.1.0-SNAPSHOT-exec.jar"; }

needs_build() {
  local service jar
  [ -f "$ROOT/devstack/target/devstack.classpath" ] || return 0
  [ -f "$ROOT/devstack/target/devstack-0.1.0-SNAPSHOT.jar" ] || return 0
  for service in "${APPLICATIONS[@]}"; do
    jar="$(exec_jar "$service")"
    [ -f "$jar" ] || return 0
    # Any source or POM newer than the jar means the jar is stale.
    if [ -n "$(find "$ROOT" -path "$STATE" -prune -o -path '*/target' -prune -o \
                  \( -name '*.java' -o -name '*.yml' -o -name '*.yaml' -o -name '*.json' -o -name '*.properties' \
                     -o -name '*.html' -o -name '*.txt' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}

build() {
  if needs_build; then
    say "Building (./mvnw package, tests skipped; the test command is ./mvnw verify) ..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || fail "build failed"
  fi
}

# Services run from Spring Boot's extracted layout so that a JDK 25 AOT cache can cover their classes.
extract_service() {
  local service="$1" jar dir
  jar="$(exec_jar "$service")"
  dir="$APPS/$service"
  if [ ! -f "$dir/$service.jar" ] || [ "$jar" -nt "$dir/$service.jar" ]; then
    rm -rf "$dir"
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
    mv "$dir/$(basename "$jar")" "$dir/$service.jar"
    rm -f "$dir/$service.aot"
  fi
}

# With JDK 25+, a one-off training run (context refresh, then exit) writes an AOT cache that makes every
# later start faster. Older JDKs simply start without it.
aot_enabled() { [ "$JAVA_VERSION" -ge 25 ] && [ "${TRYGGHETSNAV_AOT:-on}" != "off" ]; }

train_aot_cache() {
  local service="$1" dir="$APPS/$1"
  aot_enabled && [ ! -f "$dir/$service.aot" ] || return 0
  say "  training the AOT cache of $service (once after each build, about 10 s) ..."
  (cd "$dir" && "$JAVA" "${SERVICE_JVM_FLAGS[@]}" -XX:AOTCacheOutput="$service.aot" \
      -Dspring.context.exit=onRefresh -Dtrygghetsnav.outbox.relay-enabled=false \
      -jar "$service.jar" $(app_arguments "$service") >"$LOGS/$service-aot-training.log" 2>&1) \
    || { rm -f "$dir/$service.aot"; say "  (training failed, $service starts without; see $LOGS/$service-aot-training.log)"; }
}

aot_flag() {
  local service="$1"
  if aot_enabled && [ -f "$APPS/$service/$service.aot" ]; then
    echo "-XX:AOTCache=$service.aot"
  fi
}

# --- processes ---------------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

alive() { local pid; pid="$(cat "$PIDS/$1.pid" 2>/dev/null)" && kill -0 "$pid" 2>/dev/null; }

launch() {
  local name="$1"; shift
  "$@" >"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

wait_for_port() {
  local name="$1" port="$2" deadline=$((SECONDS + 60))
  until port_open "$port"; do
    alive "$name" || fail "$name exited during start; see $LOGS/$name.log"
    [ $SECONDS -lt $deadline ] || fail "$name did not open port $port within 60 s; see $LOGS/$name.log"
    sleep 0.2
  done
}

infra_classpath() {
  # GreenMail standalone is a shaded jar of its own; it runs alone, not on this classpath.
  tr ':' '\n' <"$ROOT/devstack/target/devstack.classpath" | grep -v 'greenmail-standalone' | paste -sd: -
  echo ":$ROOT/devstack/target/devstack-0.1.0-SNAPSHOT.jar"
}

greenmail_jar() { tr ':' '\n' <"$ROOT/devstack/target/devstack.classpath" | grep 'greenmail-standalone' | head -1; }

start_kafka() {
  local dir="$STATE/kafka" cp
  cp="$(infra_classpath | tr -d '\n')"
  mkdir -p "$dir" "$DATA/kafka"
  cat >"$dir/server.properties" <<EOF
# Written by run.sh: one KRaft node that is broker and controller, on loopback only.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA/kafka
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  if [ ! -f "$DATA/kafka/meta.properties" ]; then
    "$JAVA" -cp "$cp" kafka.tools.StorageTool format --standalone \
        -t "$("$JAVA" -cp "$cp" kafka.tools.StorageTool random-uuid)" -c "$dir/server.properties" \
        >"$LOGS/kafka-format.log" 2>&1 || fail "formatting Kafka storage failed; see $LOGS/kafka-format.log"
  fi
  launch kafka "$JAVA" -Xms128m -Xmx384m "${INFRA_JVM_FLAGS[@]}" -cp "$cp" kafka.Kafka "$dir/server.properties"
}

start_mongo() {
  launch mongodb "$JAVA" -Xms32m -Xmx256m "${INFRA_JVM_FLAGS[@]}" -cp "$(infra_classpath | tr -d '\n')" \
    se.trygghetsnav.devstack.MongoServerMain "$DATA/mongo/trygghetsnav.mv" "$MONGO_PORT" 127.0.0.1
}

start_greenmail() {
  launch greenmail "$JAVA" -Xms32m -Xmx128m "${INFRA_JVM_FLAGS[@]}" \
    -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -jar "$(greenmail_jar)"
}

# The authorization server keeps its signing key with the other data, so tokens survive restarts.
app_arguments() {
  [ "$1" = "$AUTH" ] && echo "--trygghetsnav.auth.signing-key-file=$DATA/auth/signing-key.json"
  return 0
}

start_service() {
  local service="$1" aot
  aot="$(aot_flag "$service")"
  # The AOT cache only maps if the class path is spelled as in training: relative, from the app folder.
  # shellcheck disable=SC2086 # $aot is one flag or nothing; app_arguments one argument or nothing
  (cd "$APPS/$service" && exec "$JAVA" "${SERVICE_JVM_FLAGS[@]}" $aot -jar "$service.jar" $(app_arguments "$service")) \
    >"$LOGS/$service.log" 2>&1 &
  echo $! >"$PIDS/$service.pid"
}

wait_healthy() {
  local service="$1" url deadline=$((SECONDS + 120))
  if [ "$service" = "$AUTH" ]; then
    url="http://127.0.0.1:$AUTH_PORT/oauth2/jwks"   # ready when it publishes its keys
  else
    url="http://127.0.0.1:${MANAGEMENT_PORT[$service]}/actuator/health/readiness"
  fi
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    alive "$service" || fail "$service exited during start; see $LOGS/$service.log"
    [ $SECONDS -lt $deadline ] || fail "$service not healthy within 120 s; see $LOGS/$service.log"
    sleep 0.25
  done
}

stop_all() {
  local name pid pids=() order=("${SERVICES[@]}" "$AUTH" greenmail mongodb kafka)
  # Tells a watching ./run.sh in another terminal that this stop is intended.
  [ -d "$STATE" ] && touch "$STATE/stopping"
  for name in "${order[@]}"; do
    if alive "$name"; then
      pid="$(cat "$PIDS/$name.pid")"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    # The broker and the database go last, after the services have let go of them.
    if [ "$name" = "$AUTH" ] || [ "$name" = greenmail ]; then
      wait_gone 30 "${pids[@]}"
      pids=()
    fi
  done
  wait_gone 30 "${pids[@]}"
  rm -f "$PIDS"/*.pid
}

wait_gone() {
  local limit="$1" pid; shift
  local deadline=$((SECONDS + limit))
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null; do
      if [ $SECONDS -ge $deadline ]; then kill -KILL "$pid" 2>/dev/null || true; break; fi
      sleep 0.2
    done
  done
}

resident_mib() {
  local total=0 name pid rss
  for name in kafka mongodb greenmail "${APPLICATIONS[@]}"; do
    pid="$(cat "$PIDS/$name.pid" 2>/dev/null)" || continue
    rss="$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')"
    total=$((total + ${rss:-0}))
  done
  echo $((total / 1024))
}

status() {
  local name
  for name in kafka mongodb greenmail "${APPLICATIONS[@]}"; do
    if alive "$name"; then
      printf '  %-22s running (pid %s)\n' "$name" "$(cat "$PIDS/$name.pid")"
    else
      printf '  %-22s stopped\n' "$name"
    fi
  done
}

print_urls() {
  local service
  say ""
  say "Trygghetsnav is up: all services healthy ${1} s after start, ${2} MiB resident in total (8 JVMs)."
  say ""
  printf '  %-22s %-24s %-40s %s\n' "service" "API" "OpenAPI UI" "health"
  for service in "${SERVICES[@]}"; do
    printf '  %-22s %-24s %-40s %s\n' "$service" "http://localhost:${HTTP_PORT[$service]}" \
      "http://localhost:${HTTP_PORT[$service]}/swagger-ui.html" \
      "http://localhost:${MANAGEMENT_PORT[$service]}/actuator/health"
  done
  say ""
  printf '  %-22s %s\n' "Authorization server" "http://localhost:$AUTH_PORT  (tokens: POST /oauth2/token; demo clients in README)"
  printf '  %-22s %s\n' "Kafka (KRaft)" "127.0.0.1:$KAFKA_PORT"
  printf '  %-22s %s\n' "MongoDB (embedded)" "mongodb://127.0.0.1:$MONGO_PORT  (data in .devstack/data/mongo)"
  printf '  %-22s %s\n' "Mail (GreenMail)" "SMTP 127.0.0.1:$SMTP_PORT; received mail: http://localhost:$MAIL_API_PORT/api/user/<address>/messages/INBOX"
  say ""
  say "Logs in .devstack/logs/. Stop with Ctrl-C (or ./run.sh stop from another terminal)."
}

start() {
  select_java
  mkdir -p "$DATA" "$LOGS" "$PIDS" "$APPS"
  rm -f "$STATE/stopping"
  local name port
  for name in kafka mongodb greenmail "${APPLICATIONS[@]}"; do
    alive "$name" && fail "$name is already running (pid $(cat "$PIDS/$name.pid")); ./run.sh stop first"
  done
  for port in $KAFKA_PORT $KAFKA_CONTROLLER_PORT $MONGO_PORT $SMTP_PORT $MAIL_API_PORT $AUTH_PORT \
              "${HTTP_PORT[@]}" "${MANAGEMENT_PORT[@]}"; do
    port_open "$port" && fail "port $port is in use by another program; free it and start again"
  done
  build
  for name in "${APPLICATIONS[@]}"; do extract_service "$name"; done

  trap 'say ""; say "Stopping ..."; stop_all; say "Stopped."; exit 0' INT TERM
  say "Starting Kafka, MongoDB and GreenMail, then the authorization server and the services (java $JAVA_VERSION at $JAVA_HOME) ..."
  local started_ns
  started_ns=$(date +%s%N)
  start_kafka
  start_mongo
  start_greenmail
  wait_for_port kafka $KAFKA_PORT
  wait_for_port mongodb $MONGO_PORT
  wait_for_port greenmail $SMTP_PORT
  # Training starts each application once against the running infrastructure (it creates indexes).
  local training_started_ns
  training_started_ns=$(date +%s%N)
  for name in "${APPLICATIONS[@]}"; do train_aot_cache "$name"; done
  # The start-up figure leaves the one-off training out.
  started_ns=$((started_ns + $(date +%s%N) - training_started_ns))
  start_service "$AUTH"
  for name in "${SERVICES[@]}"; do start_service "$name"; done
  for name in "${APPLICATIONS[@]}"; do wait_healthy "$name"; done
  local elapsed
  elapsed="$(awk -v ns=$(( $(date +%s%N) - started_ns )) 'BEGIN { printf "%.1f", ns / 1e9 }')"
  print_urls "$elapsed" "$(resident_mib)"

  # Watch the processes until Ctrl-C, or until ./run.sh stop in another terminal stops them.
  while [ ! -f "$STATE/stopping" ] && compgen -G "$PIDS/*.pid" >/dev/null; do
    sleep 2
    for name in kafka mongodb greenmail "${APPLICATIONS[@]}"; do
      if [ ! -f "$STATE/stopping" ] && [ -f "$PIDS/$name.pid" ] && ! alive "$name"; then
        say "$name stopped unexpectedly; last lines of $LOGS/$name.log:"
        tail -n 20 "$LOGS/$name.log" || true
        rm -f "$PIDS/$name.pid"
      fi
    done
  done
  say "Stopped."
}

case "${1:-start}" in
  start) start ;;
  stop) stop_all; say "Stopped." ;;
  status) status ;;
  *) fail "usage: ./run.sh [start|stop|status]" ;;
esac
