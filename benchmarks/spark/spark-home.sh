#!/usr/bin/env bash
# Builds fld4j and assembles a minimal SPARK_HOME from Maven: a jars/ folder holding every jar of the benchmarks
# module's class path (Spark 4.0.1, ND4J, fld4j) and the benchmarks' own classes. Spark's standalone workers start
# executors with SPARK_HOME/jars/* as their class path, so this is all a one-machine cluster needs; nothing is
# downloaded but Maven artifacts. Prints the SPARK_HOME path on stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
home="${1:-$root/benchmarks/target/spark-home}"
(cd "$root" && mvn -B -q install -DskipTests -pl benchmarks -am) >&2
(cd "$root" && mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$home.classpath") >&2
rm -rf "$home"
mkdir -p "$home/jars"
tr ':' '\n' < "$home.classpath" | while read -r jar; do
  [ -f "$jar" ] && ln -s "$jar" "$home/jars/$(basename "$(dirname "$(dirname "$jar")")")-$(basename "$jar")"
done
ln -s "$root/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar" "$home/jars/fld4j-benchmarks.jar"
echo "$home"
