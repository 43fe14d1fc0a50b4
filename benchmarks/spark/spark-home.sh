#!/usr/bin/env bash
# Builds fld4j and assembles a minimal SPARK_HOME from Maven: a jars/ folder holding every jar of the benchmarks
# module's class path (Spark 4.0.1, ND4J, fld4j) and the benchmarks' own classes. Spark's standalone workers start
# executors with SPARK_HOME/jars/* as their class path, so this is all a one-machine cluster needs; nothing is
# downloaded but Maven artifacts. Prints the SPARK_HOME path on stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
home="${1:-$root/benchmarks/target/spark-home}"
# One reactor build, packaged in place (nothing is installed into the local Maven repository): the fld4j modules
# resolve to their target/ jars. dependency:build-classpath runs in each module, benchmarks last, so the file ends up
# as the benchmarks' class path; includeScope=compile gives compile, provided (Spark) and system dependencies.
(cd "$root" && mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath -DincludeScope=compile \
    -Dmdep.outputFile="$home.classpath") >&2
rm -rf "$home"
mkdir -p "$home/jars"
# (The file has no final newline: the echo gives the last entry one, so that read sees it.)
{ tr ':' '\n' < "$home.classpath"; echo; } | while read -r jar; do
  if [ -f "$jar" ]; then
    ln -s "$jar" "$home/jars/$(basename "$(dirname "$(dirname "$jar")")")-$(basename "$jar")"
  fi
done
ln -s "$root/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar" "$home/jars/fld4j-benchmarks.jar"
echo "$home"
