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
# shellcheck source=java-opens.sh
source "$here/java-opens.sh"
opens="$SPARK_JAVA_OPENS"
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
