#!/usr/bin/env bash
# Scoring throughput of the fld-paper flow on Fashion-MNIST test images, side by side in one session: the plain
# library on this machine, a local[2] Spark job, and a real standalone cluster on this machine (two workers of one
# core each); then the driver's serial merge cost. Needs Debian's dataset-fashion-mnist. Usage:
#   benchmarks/spark/run-throughput.sh [IMAGES=10000] [PARTITIONS=8]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
images="${1:-10000}"
partitions="${2:-8}"
export SPARK_HOME="${SPARK_HOME:-$("$here/spark-home.sh")}"
export OMP_WAIT_POLICY=PASSIVE
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
main=org.fld4j.benchmarks.spark.SparkScoringThroughput
run() {
  # shellcheck disable=SC2086
  java -Xmx4g $opens -Dlog4j2.level=WARN -cp "$SPARK_HOME/jars/*" "$main" "$@" 2>/dev/null
}
date -u
run library "$images" 2
run spark "$images" "local[2]" "$partitions"
"$here/standalone-cluster.sh" bash -c "java -Xmx4g \$SPARK_JAVA_OPENS -cp \"\$SPARK_HOME/jars/*\" $main spark $images \"\$SPARK_MASTER\" $partitions 2>/dev/null"
run library "$images" 2
run merge
date -u
