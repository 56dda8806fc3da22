#!/usr/bin/env sh
# Runs the local runner (serve, invoke, --help), building the jar first when it is missing or older than the sources.
# The build skips the tests and the test-only dynalite install, so it needs only a JDK and Maven.
set -eu
cd "$(dirname "$0")"
jar=eventlog-lambda/target/eventlog-lambda.jar
stale=""
if [ -f "$jar" ]; then
  stale=$(find pom.xml eventlog-core eventlog-inmemory eventlog-dynamodb eventlog-lambda \
    -path '*/target' -prune -o -path '*/node_modules' -prune -o \
    -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print | head -n 1)
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "Building $jar (mvn -B -q -DskipTests -Dexec.skip -pl eventlog-lambda -am package)..." >&2
  mvn -B -q -DskipTests -Dexec.skip -pl eventlog-lambda -am package >&2
fi
exec java -jar "$jar" "$@"
