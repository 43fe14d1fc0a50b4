#!/usr/bin/env bash
# Starts a real Spark standalone cluster on this machine -- a master and two workers, each its own JVM, all on
# 127.0.0.1 -- runs COMMAND with SPARK_MASTER=spark://127.0.0.1:PORT and SPARK_HOME set, and stops the cluster
# (executors included) and COMMAND when COMMAND ends, on Ctrl-C or TERM, or after CLUSTER_LIMIT_SECONDS (default
# 1800). COMMAND reads no standard input. The exit status is COMMAND's (124 when it ran out of time).
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
master_ui="$(free_port)"
# How many workers the master counts as alive, from its web UI's JSON (the daemons' logs may be at WARN, where a
# worker's registration is not written).
alive_workers() {
  local body
  exec 3<>"/dev/tcp/127.0.0.1/$master_ui" || return 0
  printf 'GET /json/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  body="$(cat <&3)" || true
  exec 3<&-
  echo "$body" | grep -o '"aliveworkers" *: *[0-9]*' | grep -o '[0-9]*$' || true
}
# Each JVM started here leads its own process group (setsid), and the executors a worker starts are in the worker's
# group; COMMAND runs under timeout, which leads a group of its own. Stopping sends TERM to each group (a worker's
# shutdown stops its executors too) and KILL to whatever is left after 10 s. The logs are kept when the run failed.
pids=()
stop() {
  local status=$? alive
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 20); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  if [ "$status" = 0 ]; then rm -rf "$work"; else echo "standalone cluster: exit status $status; logs in $work" >&2; fi
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck disable=SC2086
setsid java -Xmx512m $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$master_ui" > "$work/master.log" 2>&1 &
pids+=($!)
up=0
for _ in $(seq 1 120); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { up=1; break; }
  sleep 0.5
done
[ "$up" = 1 ] || { echo "standalone cluster: the master did not start in 60 s" >&2; exit 1; }
master="spark://127.0.0.1:$port"
for w in 1 2; do
  mkdir -p "$work/worker-$w"
  # shellcheck disable=SC2086
  setsid java -Xmx512m $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$cores" --memory "$memory" --work-dir "$work/worker-$w" \
    --webui-port "$(free_port)" "$master" > "$work/worker-$w.log" 2>&1 &
  pids+=($!)
done
up=0
for _ in $(seq 1 120); do
  [ "$(alive_workers 2>/dev/null)" = 2 ] && { up=1; break; }
  sleep 0.5
done
[ "$up" = 1 ] || { echo "standalone cluster: the workers did not register in 60 s" >&2; exit 1; }
echo "standalone cluster: master $master, 2 workers x $cores core(s), $memory, up in ${SECONDS} s; logs in $work" >&2
export SPARK_MASTER="$master"
# In the background with wait, so that Ctrl-C and TERM reach the traps at once: timeout leads its own process group,
# which the terminal's Ctrl-C does not reach, and the shell would run its traps only after timeout had ended.
timeout "$limit" "$@" &
pids+=($!)
wait "$!"
