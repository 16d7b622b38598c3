#!/usr/bin/env bash
# Near-duplicate lookup benchmark: fills a NearDuplicateIndex with 10k, 100k and 1M fingerprints and measures the
# cost of a lookup; writes bench/results/dedup.md (or $DEDUP_BENCH_OUT). Extra arguments go to java (e.g.
# -XX:+UseTransparentHugePages, -Ddedup.bench.sizes=10000,1000000).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
exec java -Xms4g -Xmx4g -XX:+UseParallelGC "$@" \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  org.feedhub.dedup.LookupBenchmark "${DEDUP_BENCH_OUT:-bench/results/dedup.md}"
