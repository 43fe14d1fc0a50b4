#!/usr/bin/env bash
# Starts a real Spark standalone cluster on this machine -- a master and two workers, each its own JVM, all on
# 127.0.0.1 -- runs COMMAND with SPARK_MASTER=spark://127.0.0.1:PORT and SPARK_HOME set, and stops the cluster
# when COMMAND ends, on Ctrl-C, or after CLUSTER_LIMIT_SECONDS (default 1800).
#
#   benchmarks/spark/standalone-cluster.sh COMMAND [ARGS...]
#
# Environment: WORKER_CORES (1 per worker), WORKER_MEMORY (4g per worker), SPARK_HOME (default: assembled by
# spark-home.sh from Maven).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
limit="${CLUSTER_LIMIT_SECONDS:-1800}"
cores="${WORKER_CORES:-1}"
memory="${WORKER_MEMORY:-4g}"
export SPARK_HOME="${SPARK_HOME:-$("$here/spark-home.sh")}"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_HOSTNAME=127.0.0.1
export OMP_WAIT_POLICY=PASSIVE
work="$(mktemp -d /tmp/fld4j-spark-cluster.XXXXXX)"
# shellcheck source=java-opens.sh
source "$here/java-opens.sh"
opens="$SPARK_JAVA_OPENS"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 2
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  # Executors are the workers' children; any left behind go with the workers' process groups.
  pkill -f "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT INT TERM

# shellcheck disable=SC2086
setsid java -Xmx512m $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$(free_port)" > "$work/master.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.5
done
master="spark://127.0.0.1:$port"
for w in 1 2; do
  mkdir -p "$work/worker-$w"
  # shellcheck disable=SC2086
  setsid java -Xmx512m $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$cores" --memory "$memory" --work-dir "$work/worker-$w" \
    --webui-port "$(free_port)" "$master" > "$work/worker-$w.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1 120); do
  [ "$(grep -l "Successfully registered with master" "$work"/worker-*.log 2>/dev/null | wc -l)" -eq 2 ] && break
  sleep 0.5
done
echo "standalone cluster: master $master, 2 workers x $cores core(s), $memory; logs in $work" >&2
export SPARK_MASTER="$master"
status=0
timeout "$limit" "$@" || status=$?
exit "$status"
