#!/usr/bin/env sh
# Runs the local runner (serve, invoke, --help), building its jar first when it is missing or older than the sources.
# The build skips the tests and the test-only dynalite install, so it needs only a JDK and Maven.
set -eu
cd "$(dirname "$0")"
jar=eventlog-local/target/eventlog-local.jar
stale=""
if [ -f "$jar" ]; then
  stale=$(find pom.xml eventlog-core eventlog-inmemory eventlog-dynamodb eventlog-lambda eventlog-local \
    -path '*/target' -prune -o -path '*/node_modules' -prune -o \
    -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print | head -n 1)
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "Building $jar (mvn -B -q -DskipTests -Dexec.skip -pl eventlog-local -am package)..." >&2
  mvn -B -q -DskipTests -Dexec.skip -pl eventlog-local -am package >&2
fi
# Class-data sharing: the first serve or invoke after a build records the classes it loads in an archive beside
# the jar (written when that run ends); later runs map them instead of loading and verifying them again.
# JVM warnings go to stderr so that stdout carries only the runner's own output.
archive=eventlog-local/target/eventlog-local.jsa
case "${1:-}" in
  serve|invoke)
    if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
      exec java -XX:SharedArchiveFile="$archive" -Xlog:disable -Xlog:all=warning:stderr -jar "$jar" "$@"
    fi
    rm -f "$archive"
    exec java -XX:ArchiveClassesAtExit="$archive" -Xlog:disable -Xlog:all=warning:stderr -jar "$jar" "$@"
    ;;
esac
exec java -jar "$jar" "$@"
