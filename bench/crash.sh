#!/usr/bin/env bash
# Kill -9 under load in one command: builds what it needs (no tests), starts Relais on a fresh database,
# drives complete lifecycles, kills the server's JVM (SIGKILL) with requests in flight, starts it again
# on the same database, lets the clients finish and checks that nothing acknowledged is lost or doubled
# and that the timers due during the outage fired; prints the table (also written to
# bench/target/crash-results.md). Arguments go to fr.relais.bench.CrashBench, e.g.
#   bench/crash.sh clients=8 kill-after=10 outage=5 duration=30 starts=3 port=8400
# Database and JVM_ARGS as bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench -am package
exec java -Drelais.runtime.dir=launcher/target/runtime -Drelais.war=web/target/relais.war \
  -Drelais.build.dir=bench/target -cp "bench/target/relais-bench.jar:bench/target/lib/*" \
  fr.relais.bench.CrashBench "$@"
