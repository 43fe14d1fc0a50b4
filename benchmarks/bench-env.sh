# Sourced by side-by-side.sh and time-split.sh: sets root, peers and jar, builds the benchmark jar when a source
# is newer than it, and gives both sides the same OpenMP and glibc allocator settings.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${PEERS_DIR:-$root/../shared/peers}"
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/target' -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
  echo "building the benchmark jar..." >&2
  (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package) >&2
fi

export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# The glibc allocator settings of the fld launcher (docs/performance.md), for both sides alike; FLD_MALLOC=default
# leaves glibc's own.
if [ "${FLD_MALLOC:-tuned}" != default ]; then
  export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}" MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1073741824}" \
    MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"
fi
