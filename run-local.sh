#!/usr/bin/env sh
# Runs the local runner (serve, invoke, --help), building its jar first when it is missing or older than the sources.
# The build skips the tests and the test-only dynalite install, so it needs only a JDK and Maven.
set -eu
cd "$(dirname "$0")"
# The JDK named by JAVA_HOME when it is set, as Maven and most Java tools choose theirs, else the one on the PATH.
java="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
fi
jar=eventlog-local/target/eventlog-local.jar
stale=""
if [ -f "$jar" ]; then
  stale=$(find pom.xml eventlog-core eventlog-http eventlog-inmemory eventlog-dynamodb eventlog-lambda eventlog-local \
    -path '*/target' -prune -o -path '*/node_modules' -prune -o \
    -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print | head -n 1)
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "Building $jar (mvn -B -q -DskipTests -Dexec.skip -pl eventlog-local -am package)..." >&2
  # Maven 3.8 prints colour resets even with -B and -q; what it says is passed on without them.
  log=$(mktemp "${TMPDIR:-/tmp}/eventlog-build.XXXXXX")
  status=0
  mvn -B -q -DskipTests -Dexec.skip -pl eventlog-local -am package >"$log" 2>&1 || status=$?
  esc=$(printf '\033')
  sed "s/${esc}\[[0-9;]*m//g" "$log" | grep -v '^$' >&2 || true
  rm -f "$log"
  if [ "$status" -ne 0 ]; then
    exit "$status"
  fi
fi
# Start-up cache: the first serve or invoke after a build (or after a change of JDK) records what it loads in a
# cache beside the jar, written when that run ends; later runs map it instead of loading, verifying and linking
# those classes again. On JDK 24 and newer that is the JDK's ahead-of-time cache (JEP 483: classes loaded and
# linked; JEP 514/515 on 25: made in one step, with method profiles); on 17-23 an application class-data-sharing
# archive (AppCDS). JDK 24 records a configuration first and assembles the cache at the start of the next run.
# A cache the JVM cannot use is never fatal (the JVM runs without it), and the JDK stamp below makes the next run
# record a new one; each JDK feature release (and each of serve and invoke) keeps its own cache, so switching JDKs
# does not throw the other's away.
# The JVM's own messages go to stderr, so stdout carries only the runner's output.
case "${1:-}" in
  serve|invoke)
    flags="-XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr"
    # The JDK's identity from its 'release' file when it has one: starting a JVM just for 'java -version' costs
    # more than a tenth of a second, a large part of a cached invoke.
    real=$(readlink -f "$(command -v "$java")" 2>/dev/null || command -v "$java")
    release="$(dirname "$(dirname "$real")")/release"
    if [ -f "$release" ] && grep -q '^JAVA_RUNTIME_VERSION=' "$release"; then
      jvm=$(grep -E '^(IMPLEMENTOR|JAVA_RUNTIME_VERSION)=' "$release" | tr '\n' ' ')
      feature=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release")
    else
      jvm=$("$java" -version 2>&1 | head -n 2 | tr '\n' ' ')
      feature=$(printf '%s' "$jvm" | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p')
    fi
    # invoke is one short process: C1 only, as the Lambda runtime starts a function, spends no CPU on C2.
    if [ "$1" = invoke ]; then
      flags="$flags -XX:+TieredCompilation -XX:TieredStopAtLevel=1"
    fi
    # One cache per command as well: serve and invoke load different classes and run with different JIT flags.
    base=eventlog-local/target/eventlog-local-$1-jdk${feature:-0}
    # Writing a cache lists each class it leaves out (JFR's event classes, for one) as a warning; they stay out by
    # design and the cache serves as well without them, so the run that writes it reports only the cache's errors.
    # JDK 25 logs these under the tag aot, older ones under cds (an unknown tag would stop the JVM).
    use="" record="" quiet="-Xlog:cds*=error:stderr"
    if [ "${feature:-0}" -ge 25 ]; then
      quiet="-Xlog:aot*=error,cds*=error:stderr"
      cache=$base.aot use="-XX:AOTCache=$cache" record="$quiet -XX:AOTCacheOutput=$cache"
    elif [ "${feature:-0}" -eq 24 ]; then
      cache=$base.aot use="-XX:AOTCache=$cache" record="$quiet -XX:AOTMode=record -XX:AOTConfiguration=$base.aotconf"
      if [ ! -f "$cache" ] && [ -f "$base.aotconf" ] && [ "$base.aotconf" -nt "$jar" ] && [ "$(cat "$base.jvm" 2>/dev/null)" = "$jvm" ]; then
        echo "Assembling the start-up cache $cache (once)..." >&2
        # shellcheck disable=SC2086
        "$java" $flags $quiet -XX:AOTMode=create -XX:AOTConfiguration="$base.aotconf" -XX:AOTCache="$cache" -jar "$jar" >&2 || rm -f "$cache"
      fi
    else
      cache=$base.jsa use="-XX:SharedArchiveFile=$cache" record="$quiet -XX:ArchiveClassesAtExit=$cache"
    fi
    if [ -f "$cache" ] && [ "$cache" -nt "$jar" ] && [ "$(cat "$base.jvm" 2>/dev/null)" = "$jvm" ]; then
      # shellcheck disable=SC2086
      exec "$java" $flags $use -jar "$jar" "$@"
    fi
    rm -f "$base.aot" "$base.aotconf" "$base.jsa"
    printf '%s' "$jvm" >"$base.jvm"
    # shellcheck disable=SC2086
    exec "$java" $flags $record -jar "$jar" "$@"
    ;;
esac
exec "$java" -jar "$jar" "$@"
