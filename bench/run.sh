#!/usr/bin/env bash
# EventLog benchmark: builds what it measures, starts dynalite on a free loopback port, measures cold start,
# warm latency, read cost against log size, local API throughput, jar size and loaded classes, DynamoDB requests
# per API operation, dense-millisecond pages, write shards against a per-partition limit and a user's history
# through the byUser index, prints one table and writes it to bench/results.md. Everything it starts is stopped on exit.
#
#   bench/run.sh           full run (about 15 minutes on 2 cores)
#   bench/run.sh --smoke   tiny sizes, one iteration (1-2 minutes): proves the command still works
#
# Environment: BENCH_SKIP_BUILD=1 reuses the jars already built; BENCH_RESULTS=FILE writes the table elsewhere.
set -euo pipefail

MODE=full
case "${1:-}" in
  "") ;;
  --smoke) MODE=smoke ;;
  -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
  *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/eventlog-bench.XXXXXX")"
OUT="$WORK/out"
mkdir -p "$OUT"
STARTED_AT=$(date +%s)
LOAD_AT_START=$(cut -d" " -f1-3 /proc/loadavg)

if [[ $MODE == full ]]; then
  COLD_WARMUP=2 COLD_RUNS=10
  JMH_WARM=(-f 1 -wi 2 -w 1s -i 3 -r 2s)
  JMH_PAIR_ROUNDS=2
  PAIRED=(300 1000)
  PAIRED_READS=(200 5000 500)
  SIZES=(1000 100000)
  WRK_SECONDS=10
  DENSE_EVENTS=3000
  DENSE_PAIRS=(100 1000)
  USER_INDEX=(1000 50000 20 200)
  WRITE_SCALE=(-Deventlog.bench.seconds=20 -Deventlog.bench.events=3000 -Deventlog.bench.reads=21)
  CLIENT=(2000 20000 10 10)
  RESULTS="${BENCH_RESULTS:-$BENCH/results.md}"
else
  COLD_WARMUP=1 COLD_RUNS=1
  JMH_WARM=(-f 1 -wi 0 -i 1 -r 500ms)
  JMH_PAIR_ROUNDS=1
  PAIRED=(5 20)
  PAIRED_READS=(5 20 10)
  SIZES=(200 1000)
  WRK_SECONDS=2
  DENSE_EVENTS=300
  DENSE_PAIRS=(5 20)
  USER_INDEX=(200 1000 2 10)
  WRITE_SCALE=(-Deventlog.bench.seconds=1 -Deventlog.bench.events=300 -Deventlog.bench.reads=3)
  CLIENT=(100 1000 1 3)
  RESULTS="${BENCH_RESULTS:-$WORK/results.md}"
fi
# The flags the AWS Lambda Java runtime starts the JVM with.
LAMBDA_FLAGS=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1)

LAMBDA_JAR="$ROOT/eventlog-lambda/target/eventlog-lambda.jar"
LOCAL_JAR="$ROOT/eventlog-local/target/eventlog-local.jar"
BENCH_JAR="$BENCH/target/benchmarks.jar"
BASELINE_JAR="$BENCH/straightforward/target/straightforward.jar"
DYNALITE="$ROOT/eventlog-dynamodb/node_modules/dynalite/cli.js"

PIDS=()
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[bench %4ds] %s\n' "$(( $(date +%s) - STARTED_AT ))" "$*" >&2; }
fail() { echo "bench: $*" >&2; exit 1; }

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Waits (bounded) until something answers HTTP on the port.
await_http() {
  local port=$1 what=$2 pid=$3
  for _ in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then fail "$what exited before it listened on port $port"; fi
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/" || true) != 000 ]]; then return 0; fi
    sleep 0.2
  done
  fail "$what did not listen on 127.0.0.1:$port within 30 s"
}

ensure_tool() {
  local tool=$1 package=$2
  command -v "$tool" >/dev/null 2>&1 && return 0
  log "installing $package (Debian package) for $tool"
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package") >"$WORK/apt-$package.log" 2>&1 \
      || fail "could not install $package; install it and run again (see $WORK/apt-$package.log)"
  fi
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is needed; install the $package package"
}

for tool in java mvn node npm curl; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool must be on the PATH"
done
[[ -x /usr/bin/time ]] || ensure_tool /usr/bin/time time
ensure_tool wrk wrk

# ---------------------------------------------------------------------------------------------- build
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  build() {
    local what=$1 dir=$2; shift 2
    log "building $what"
    (cd "$dir" && "$@") >"$WORK/build.log" 2>&1 || { tail -60 "$WORK/build.log" >&2; fail "building $what failed"; }
  }
  build "and installing the modules under test" "$ROOT" mvn -B -q -Dstyle.color=never install -DskipTests -Dexec.skip -pl eventlog-local,eventlog-client -am
  # clean: the benchmarks compile against the modules just installed, and Maven's incremental build does not
  # recompile them when only a module's API changed, which would leave classes linked to the old one.
  build "the benchmarks" "$BENCH" mvn -B -q -Dstyle.color=never clean package
  build "the straightforward baseline" "$BENCH/straightforward" mvn -B -q -Dstyle.color=never package
  build "the Node.js original (npm ci)" "$BENCH/node-original" npm ci --no-audit --no-fund --loglevel=error
fi
[[ -f $DYNALITE ]] || (cd "$ROOT/eventlog-dynamodb" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
  || fail "dynalite is not installed; run 'npm ci' in eventlog-dynamodb"
for jar in "$LAMBDA_JAR" "$LOCAL_JAR" "$BENCH_JAR" "$BASELINE_JAR"; do
  [[ -f $jar ]] || fail "missing $jar (run without BENCH_SKIP_BUILD)"
done

# ---------------------------------------------------------------------------------------------- dynalite
DYNAMO_PORT=$(free_port)
ENDPOINT="http://127.0.0.1:$DYNAMO_PORT"
node "$DYNALITE" --host 127.0.0.1 --port "$DYNAMO_PORT" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 \
  >"$WORK/dynalite.log" 2>&1 &
PIDS+=($!)
await_http "$DYNAMO_PORT" dynalite "${PIDS[-1]}"
log "dynalite on $ENDPOINT"

export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
export AWS_ENDPOINT_URL_DYNAMODB="$ENDPOINT" AWS_EC2_METADATA_DISABLED=true
export AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE=1
BENCH_JAVA=(java -Dbench.dynamodb.endpoint="$ENDPOINT" -cp "$BENCH_JAR")

LOAD_ARGS=(bench_cold=0 bench_warm=1000)
for size in "${SIZES[@]}"; do LOAD_ARGS+=("bench_$size=$size"); done
log "loading dynalite: ${LOAD_ARGS[*]}"
"${BENCH_JAVA[@]}" dev.eventlog.bench.load.DynaliteLoader "${LOAD_ARGS[@]}" 2>"$WORK/loader.err" | tee "$OUT/load.txt" >&2 \
  || { cat "$WORK/loader.err" >&2; fail "loading dynalite failed"; }
log "loading dynalite: a millisecond of $DENSE_EVENTS events and a day of as many, through the store"
"${BENCH_JAVA[@]}" dev.eventlog.bench.data.DenseLog "$DENSE_EVENTS" 2>"$WORK/dense-loader.err" | tee -a "$OUT/load.txt" >&2 \
  || { cat "$WORK/dense-loader.err" >&2; fail "loading the dense millisecond failed"; }

# ---------------------------------------------------------------------------------------------- 1. cold start
cat >"$WORK/post.json" <<'EOF'
{"version":"2.0","routeKey":"POST /events","rawPath":"/events","rawQueryString":"",
 "headers":{"content-type":"application/json","host":"127.0.0.1"},
 "requestContext":{"http":{"method":"POST","path":"/events","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"bench"},
  "requestId":"cold-post","routeKey":"POST /events","stage":"$default"},
 "body":"{\"userId\":\"eventlog\",\"eventType\":\"cold-start\"}","isBase64Encoded":false}
EOF
cat >"$WORK/get.json" <<'EOF'
{"version":"2.0","routeKey":"GET /events","rawPath":"/events","rawQueryString":"",
 "headers":{"host":"127.0.0.1"},
 "requestContext":{"http":{"method":"GET","path":"/events","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"bench"},
  "requestId":"cold-get","routeKey":"GET /events","stage":"$default"},
 "isBase64Encoded":false}
EOF
export TABLE_NAME=bench_cold
INVOKE_ARGS=(invoke --store dynamodb --table bench_cold --endpoint-url "$ENDPOINT" --region us-east-1
  --event "$WORK/post.json" --event "$WORK/get.json")
CDS_ARCHIVE="$WORK/invoke.jsa"
# A JDK 24+ beside the default one (for run-local.sh's ahead-of-time cache): BENCH_AOT_JAVA_HOME, else one found
# under /usr/lib/jvm. The run-local rows with it are measured only when there is one.
AOT_JAVA_HOME="${BENCH_AOT_JAVA_HOME:-}"
if [[ -z $AOT_JAVA_HOME ]]; then
  for home in /usr/lib/jvm/*; do
    [[ -x $home/bin/java ]] || continue
    feature=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9][0-9]*\).*/\1/p' || true)
    if [[ -n $feature ]] && (( feature >= 24 )); then AOT_JAVA_HOME=$home; fi
  done
fi

# Each variant is one command (set into COMMAND); all run with the same environment against the same table.
set_command() {
  case $1 in
    hello) COMMAND=(java "${LAMBDA_FLAGS[@]}" -cp "$BENCH/target/classes" dev.eventlog.bench.floor.HelloFloor) ;;
    node-original) COMMAND=(node "$BENCH/node-original/cold.js") ;;
    java-straightforward) COMMAND=(java "${LAMBDA_FLAGS[@]}" -jar "$BASELINE_JAR") ;;
    eventlog) COMMAND=(java "${LAMBDA_FLAGS[@]}" -jar "$LOCAL_JAR" "${INVOKE_ARGS[@]}") ;;
    eventlog-appcds) COMMAND=(java "${LAMBDA_FLAGS[@]}" -XX:SharedArchiveFile="$CDS_ARCHIVE" -jar "$LOCAL_JAR" "${INVOKE_ARGS[@]}") ;;
    # As users run it: the script picks AppCDS (JDK 17-23) or the JDK's AOT cache (24+) and keeps it beside the jar.
    run-local) COMMAND=(env -u JAVA_HOME "$ROOT/run-local.sh" "${INVOKE_ARGS[@]}") ;;
    run-local-aot) COMMAND=(env JAVA_HOME="$AOT_JAVA_HOME" "$ROOT/run-local.sh" "${INVOKE_ARGS[@]}") ;;
  esac
}
VARIANTS=(hello node-original java-straightforward eventlog eventlog-appcds run-local)
[[ -n $AOT_JAVA_HOME ]] && VARIANTS+=(run-local-aot)

check_output() {
  local variant=$1 file=$2
  case $variant in
    hello) grep -q hello "$file" ;;
    node-original|java-straightforward) grep -q '"put":1' "$file" ;;
    eventlog*|run-local*) [[ $(grep -c '"statusCode":20[01]' "$file") == 2 ]] ;;
  esac || { cat "$file" "$file.err" >&2; fail "$variant did not answer as expected"; }
}

log "cold start: AppCDS archive for the invoke command (one training run)"
java "${LAMBDA_FLAGS[@]}" -XX:ArchiveClassesAtExit="$CDS_ARCHIVE" -jar "$LOCAL_JAR" "${INVOKE_ARGS[@]}" \
  >"$WORK/cds-train.out" 2>"$WORK/cds-train.err" || { cat "$WORK/cds-train.err" >&2; fail "the AppCDS training run failed"; }
[[ -f $CDS_ARCHIVE ]] || fail "the JVM wrote no AppCDS archive"
# run-local.sh records its cache on the first run after a build (JDK 24 assembles it on the second); two runs
# put it in place, as it is for a user after their first invoke.
for variant in "${VARIANTS[@]}"; do
  [[ $variant == run-local* ]] || continue
  set_command "$variant"
  log "cold start: $variant's start-up cache (two runs)"
  for _ in 1 2; do
    "${COMMAND[@]}" >"$WORK/cache-train.out" 2>"$WORK/cache-train.err" || { cat "$WORK/cache-train.err" >&2; fail "$variant failed"; }
  done
done

log "cold start: ${#VARIANTS[@]} variants alternating, $COLD_WARMUP warm-up + $COLD_RUNS measured rounds"
printf 'variant\tround\twall_s\tuser_s\tsys_s\tmaxrss_kb\n' >"$OUT/cold.tsv"
# The handler's own duration of each request (its access-log line): the first request after init, then the second.
printf 'variant\tround\tfirst_ms\tsecond_ms\n' >"$OUT/first-request.tsv"
for round in $(seq 1 $((COLD_WARMUP + COLD_RUNS))); do
  for variant in "${VARIANTS[@]}"; do
    set_command "$variant"
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "${COMMAND[@]}" >"$WORK/cold.out" 2>"$WORK/cold.out.err" \
      || { cat "$WORK/cold.out.err" >&2; fail "$variant failed"; }
    check_output "$variant" "$WORK/cold.out"
    if (( round > COLD_WARMUP )); then
      read -r wall user sys rss < <(tail -1 "$WORK/time.txt")
      printf '%s\t%d\t%s\t%s\t%s\t%s\n' "$variant" $((round - COLD_WARMUP)) "$wall" "$user" "$sys" "$rss" >>"$OUT/cold.tsv"
      if [[ $variant == eventlog* || $variant == run-local* ]]; then
        first=$(grep -ho '"requestId":"cold-post"[^}]*"durationMs":[0-9]*' "$WORK/cold.out" "$WORK/cold.out.err" | head -1 | sed 's/.*://')
        second=$(grep -ho '"requestId":"cold-get"[^}]*"durationMs":[0-9]*' "$WORK/cold.out" "$WORK/cold.out.err" | head -1 | sed 's/.*://')
        printf '%s\t%d\t%s\t%s\n' "$variant" $((round - COLD_WARMUP)) "${first:-}" "${second:-}" >>"$OUT/first-request.tsv"
      fi
    fi
  done
done

log "loaded classes (-Xlog:class+load)"
printf 'variant\tclasses\tfrom_cds\n' >"$OUT/classes.tsv"
for variant in hello java-straightforward eventlog eventlog-appcds; do
  set_command "$variant"
  "${COMMAND[0]}" -Xlog:class+load:file="$WORK/classes-$variant.txt" "${COMMAND[@]:1}" >/dev/null 2>&1 || fail "$variant failed"
  printf '%s\t%d\t%d\n' "$variant" "$(grep -c 'source:' "$WORK/classes-$variant.txt")" \
    "$(grep -c 'shared objects file' "$WORK/classes-$variant.txt" || true)" >>"$OUT/classes.tsv"
done
printf 'artifact\tbytes\n%s\t%d\n%s\t%d\n' eventlog-lambda.jar "$(stat -c %s "$LAMBDA_JAR")" \
  straightforward.jar "$(stat -c %s "$BASELINE_JAR")" >"$OUT/sizes.tsv"

# ---------------------------------------------------------------------------------------------- 2-3. JMH
jmh() {
  local name=$1; shift
  "${BENCH_JAVA[@]}" org.openjdk.jmh.Main -jvmArgsAppend "-Dbench.dynamodb.endpoint=$ENDPOINT" \
    -rf json -rff "$OUT/jmh-$name.json" "$@" >"$WORK/jmh-$name.log" 2>&1 \
    || { tail -40 "$WORK/jmh-$name.log" >&2; fail "JMH run $name failed"; }
}
# The handler on dynalite and the raw SDK calls it stands on alternate, round by round, so drift in the
# shared machine or in dynalite's store hits both alike.
for round in $(seq 1 "$JMH_PAIR_ROUNDS"); do
  log "warm latency on dynalite, round $round of $JMH_PAIR_ROUNDS: raw SDK, then handler"
  jmh "raw-$round" "${JMH_WARM[@]}" 'RawSdkLatencyBenchmark'
  jmh "handler-dynalite-$round" "${JMH_WARM[@]}" -p store=dynalite 'HandlerLatencyBenchmark'
done
log "warm latency on dynalite: handler and raw SDK alternating call by call (${PAIRED[1]} pairs a route)"
"${BENCH_JAVA[@]}" dev.eventlog.bench.paired.PairedLatencyRun "${PAIRED[@]}" "$OUT/paired.tsv" 2>"$WORK/paired.err" \
  || { cat "$WORK/paired.err" >&2; fail "the paired latency run failed"; }
log "warm latency in memory: handler and use cases"
jmh handler-memory "${JMH_WARM[@]}" -p store=memory 'HandlerLatencyBenchmark|ServiceLatencyBenchmark'
log "read cost against log size: ${SIZES[*]} events"
SIZE_LIST=$(IFS=,; echo "${SIZES[*]}")
jmh readcost "${JMH_WARM[@]}" -p size="$SIZE_LIST" 'ReadCostBenchmark'
log "read cost: the ${SIZES[0]}- and ${SIZES[1]}-event logs alternating call by call"
"${BENCH_JAVA[@]}" dev.eventlog.bench.paired.PairedReadCostRun "${SIZES[@]}" "${PAIRED_READS[@]}" "$OUT/paired-readcost.tsv" \
  2>"$WORK/paired-readcost.err" || { cat "$WORK/paired-readcost.err" >&2; fail "the paired read-cost run failed"; }
log "dense millisecond: a page from its middle and one from an ordinary day's, alternating (${DENSE_PAIRS[1]} pairs)"
"${BENCH_JAVA[@]}" dev.eventlog.bench.paired.PairedDensePageRun "$DENSE_EVENTS" "${DENSE_PAIRS[@]}" "$OUT/dense.tsv" \
  2>"$WORK/dense.err" || { cat "$WORK/dense.err" >&2; fail "the dense-millisecond run failed"; }
log "DynamoDB requests per API operation (counted on the handler's client)"
"${BENCH_JAVA[@]}" dev.eventlog.bench.calls.CallCountRun "$DENSE_EVENTS" "$OUT/calls.tsv" 2>"$WORK/calls.err" \
  || { cat "$WORK/calls.err" >&2; fail "the request-count run failed"; }
log "a user's history through the byUser index: ${USER_INDEX[0]} and ${USER_INDEX[1]} events, ${USER_INDEX[3]} pairs"
"${BENCH_JAVA[@]}" dev.eventlog.bench.userindex.UserIndexCostRun "$ENDPOINT" "${USER_INDEX[@]}" >"$OUT/user-index.tsv" \
  2>"$WORK/user-index.err" || { cat "$WORK/user-index.err" >&2; fail "the user-index run failed"; }

# ---------------------------------------------------------------------------------------------- 4. throughput
ensure_tool wrk wrk
API_PORT=$(free_port)
java -jar "$LOCAL_JAR" serve --port "$API_PORT" --store memory >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
await_http "$API_PORT" "the local runner" "${PIDS[-1]}"
cat >"$WORK/post.lua" <<'EOF'
-- Server-stamped events (no date, no time): every request is a real create.
wrk.method = "POST"
wrk.body = '{"userId":"load","eventType":"wrk","attributes":{"source":"bench"}}'
wrk.headers["Content-Type"] = "application/json"
EOF
TODAY=$(date -u +%F)
printf 'test\trequests_per_s\tp50_ms\tp99_ms\tnon_2xx\n' >"$OUT/throughput.tsv"
wrk_run() {
  local name=$1 seconds=$2; shift 2
  wrk -t2 -c32 -d"${seconds}s" --timeout 5s --latency "$@" >"$WORK/wrk-$name.txt" 2>&1 || fail "wrk $name failed"
}
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.3f", v}'; }
for test in post get; do
  if [[ $test == post ]]; then args=(-s "$WORK/post.lua" "http://127.0.0.1:$API_PORT/events")
  else args=("http://127.0.0.1:$API_PORT/events/$TODAY?limit=100"); fi
  log "local API throughput: $test, 32 connections, ${WRK_SECONDS}s (after a warm-up)"
  wrk_run "$test-warmup" $(( WRK_SECONDS / 2 + 1 )) "${args[@]}"
  wrk_run "$test" "$WRK_SECONDS" "${args[@]}"
  file="$WORK/wrk-$test.txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
  p50=$(awk '$1 == "50%" {print $2}' "$file" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' "$file" | to_ms)
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")
  printf '%s\t%s\t%s\t%s\t%s\n' "$test" "$rps" "$p50" "$p99" "${non2xx:-0}" >>"$OUT/throughput.tsv"
done

# The Java client against the same runner: one event per call, then behind the publisher.
log "Java client: one event per call vs EventPublisher (${CLIENT[0]} / ${CLIENT[1]} events), publish() at a steady rate, heap with the API gone"
"${BENCH_JAVA[@]}" dev.eventlog.bench.client.PublisherRun "http://127.0.0.1:$API_PORT" "${CLIENT[@]}" "$OUT/client.tsv" \
  2>"$WORK/client.err" || { cat "$WORK/client.err" >&2; fail "the client run failed"; }
value() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$OUT/client.tsv"; }
{
  echo "# The Java client: EventPublisher over HttpEventLog"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), mode $MODE, $(nproc) cores; \`serve\` (in-memory store) on loopback, client and server"
  echo "sharing the cores. \`bench/run.sh\` writes this file (\`dev.eventlog.bench.client.PublisherRun\`)."
  echo
  echo "| measurement | figure | target |"
  echo "|---|---:|---|"
  echo "| \`HttpEventLog.append\`, one event per request | $(value per_call_events_per_s) events/s | |"
  echo "| \`EventPublisher\` over the same client (batches of 25) | $(value publisher_events_per_s) events/s | |"
  echo "| ratio | $(value ratio)x | ≥ 10x: $(awk -v r="$(value ratio)" 'BEGIN {print (r >= 10 ? "pass" : "**miss**")}') |"
  echo "| \`publish()\` on the caller's thread at $(value steady_rate_per_s) events/s ($(value publish_calls) calls): p50 / p99 / max | $(value publish_p50_us) / $(value publish_p99_us) / $(value publish_max_us) µs | p99 ≤ 50 µs: $(awk -v r="$(value publish_p99_us)" 'BEGIN {print (r <= 50 ? "pass" : "**miss**")}') |"
  echo "| the same over a store in the bench's JVM (the publisher's own cost, no server on the cores): p50 / p99 / max | $(value alone_p50_us) / $(value alone_p99_us) / $(value alone_max_us) µs | p99 ≤ 50 µs: $(awk -v r="$(value alone_p99_us)" 'BEGIN {print (r <= 50 ? "pass" : "**miss**")}') |"
  echo "| heap after a collection, publishing without pause while nothing listens, first / highest / last of $(value heap_samples) one-second samples | $(value heap_first_mib) / $(value heap_max_mib) / $(value heap_last_mib) MiB | flat |"
} >"$OUT/client.md"
if [[ $MODE == full ]]; then cp "$OUT/client.md" "$BENCH/results-client.md"; fi

# The same POSTs to a runner whose store is a data file: each acknowledged write is forced to disk first.
DATA_PORT=$(free_port)
java -jar "$LOCAL_JAR" serve --port "$DATA_PORT" --no-console --data "$WORK/serve-data.ndjson" >"$WORK/serve-data.log" 2>&1 &
PIDS+=($!)
await_http "$DATA_PORT" "the local runner on a data file" "${PIDS[-1]}"
log "local API throughput: post to serve --data, 32 connections, ${WRK_SECONDS}s (after a warm-up)"
wrk_run "post-data-warmup" $(( WRK_SECONDS / 2 + 1 )) -s "$WORK/post.lua" "http://127.0.0.1:$DATA_PORT/events"
wrk_run "post-data" "$WRK_SECONDS" -s "$WORK/post.lua" "http://127.0.0.1:$DATA_PORT/events"
file="$WORK/wrk-post-data.txt"
printf '%s\t%s\t%s\t%s\t%s\n' post-data "$(awk '/^Requests\/sec:/ {print $2}' "$file")" \
  "$(awk '$1 == "50%" {print $2}' "$file" | to_ms)" "$(awk '$1 == "99%" {print $2}' "$file" | to_ms)" \
  "$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file" | grep . || echo 0)" >"$OUT/throughput-data.tsv"

# ---------------------------------------------------------------------------------------------- 4b. moving data
# The largest loaded table out of dynalite, into a new table and into a data file, and out of the file again:
# the rates each command prints on its last line, and whether the two exports are the same bytes.
DATA_TABLE="bench_${SIZES[-1]}"
STORE_ARGS=(--store dynamodb --endpoint-url "$ENDPOINT" --region us-east-1)
data_step() {
  local name=$1; shift
  log "moving data: $name"
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench java -jar "$LOCAL_JAR" "$@" 2>"$WORK/data-$name.err" \
    || { cat "$WORK/data-$name.err" >&2; fail "moving data: $name failed"; }
  # The closing line: "<verb> N events (R events/s)..."
  tail -1 "$WORK/data-$name.err" | sed -n 's/^[a-z]* \([0-9]*\) events (\([0-9]*\) events\/s).*/\1\t\2/p' \
    | sed "s/^/$name\t/" >>"$OUT/data.tsv"
}
printf 'step\tevents\tevents_per_s\n' >"$OUT/data.tsv"
data_step export-table export "${STORE_ARGS[@]}" --table "$DATA_TABLE" --out "$WORK/from-table.ndjson"
data_step import-table import "${STORE_ARGS[@]}" --table bench_imported --create-table --in "$WORK/from-table.ndjson"
data_step import-file import --data "$WORK/imported.ndjson" --in "$WORK/from-table.ndjson"
data_step export-file export --data "$WORK/imported.ndjson" --out "$WORK/from-file.ndjson"
cmp -s "$WORK/from-table.ndjson" "$WORK/from-file.ndjson" && SAME=yes || SAME=no
{
  echo "# Moving data: export and import rates"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), mode $MODE, $(nproc) cores; table \`$DATA_TABLE\` on dynalite (node, LevelDB),"
  echo "each step one run of the local runner's jar, its rate as printed on its last line (whole command, JVM start included)."
  echo
  echo "| step | events | events/s |"
  echo "|---|---:|---:|"
  tail -n +2 "$OUT/data.tsv" | awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $3}'
  echo
  echo "Export of the table and export of the data file it was imported into are byte-identical: **$SAME**."
  echo
  echo "\`serve --data\` vs the in-memory store, POST of one server-stamped event, wrk 32 connections, ${WRK_SECONDS} s:"
  echo
  echo "| store | requests/s | p50 ms | p99 ms |"
  echo "|---|---:|---:|---:|"
  awk -F'\t' '$1 == "post" {printf "| in memory | %s | %s | %s |\n", $2, $3, $4} $1 == "post-data" {printf "| data file (forced to disk per write) | %s | %s | %s |\n", $2, $3, $4}' \
    "$OUT/throughput.tsv" "$OUT/throughput-data.tsv"
} >"$OUT/data.md"
[[ $SAME == yes ]] || { cat "$OUT/data.md" >&2; fail "the exports of the table and of the data file differ"; }
if [[ $MODE == full ]]; then cp "$OUT/data.md" "$BENCH/results-data.md"; fi

# ---------------------------------------------------------------------------------------------- 5. write shards
# The benchmark lives with the reliability tests whose proxy it uses; it starts its own dynalite.
log "write shards: N = 1 and 4, events of their own content and a heartbeat, against a per-partition limit"
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl eventlog-local surefire:test -Dtest=WriteScaleBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false "${WRITE_SCALE[@]}" -Deventlog.bench.out="$OUT/write-scale.md") \
  >"$WORK/write-scale.log" 2>&1 || { tail -60 "$WORK/write-scale.log" >&2; fail "the write-scale benchmark failed"; }
[[ -f $OUT/write-scale.md ]] || { tail -60 "$WORK/write-scale.log" >&2; fail "the write-scale benchmark wrote no table"; }

# ---------------------------------------------------------------------------------------------- report
{
  printf 'key\tvalue\n'
  printf 'mode\t%s\n' "$MODE"
  printf 'load_at_start\t%s\n' "$LOAD_AT_START"
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'cpus\t%s\n' "$(nproc)"
  printf 'cpu_model\t%s\n' "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  printf 'memory\t%s\n' "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  printf 'jdk\t%s\n' "$(java -version 2>&1 | head -2 | tail -1)"
  printf 'node\t%s\n' "$(node --version)"
  printf 'aot_jdk\t%s\n' "$([[ -n $AOT_JAVA_HOME ]] && "$AOT_JAVA_HOME/bin/java" -version 2>&1 | head -2 | tail -1)"
  printf 'os\t%s\n' "$(uname -sr)"
  printf 'load_at_end\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'cold_runs\t%s\n' "$COLD_RUNS"
  printf 'sizes\t%s\n' "$SIZE_LIST"
  printf 'wrk_seconds\t%s\n' "$WRK_SECONDS"
  printf 'dense_events\t%s\n' "$DENSE_EVENTS"
  printf 'user_index_sizes\t%s,%s\n' "${USER_INDEX[0]}" "${USER_INDEX[1]}"
  printf 'elapsed_s\t%s\n' "$(( $(date +%s) - STARTED_AT ))"
} >"$OUT/meta.tsv"
"${BENCH_JAVA[@]}" dev.eventlog.bench.report.ResultsReport "$OUT" "$RESULTS" "$BENCH/what-was-tried.md" || fail "the report failed"
cat "$RESULTS"
log "done in $(( $(date +%s) - STARTED_AT )) s; table written to $RESULTS"
