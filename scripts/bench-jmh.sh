#!/usr/bin/env bash
# JMH micro-benchmarks of hot paths, each side by side with what it replaced (benchmarks module,
# io.leadgate.bench.*Benchmark with JMH annotations). The forks run on C1 only, as the services do
# locally (LEADGATE_JIT in run-local.sh); set JMH_JIT= for the JVM's default.
# Usage: scripts/bench-jmh.sh [JMH options], e.g. scripts/bench-jmh.sh EventJsonBenchmark -f 2
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -pl benchmarks -am
./mvnw -B -q dependency:build-classpath -pl benchmarks -Dmdep.outputFile=target/jmh-classpath.txt \
  -Dmdep.includeScope=compile
classpath="benchmarks/target/classes:$(cat benchmarks/target/jmh-classpath.txt)"
jit=${JMH_JIT--XX:TieredStopAtLevel=1}
java -cp "$classpath" org.openjdk.jmh.Main ${jit:+-jvmArgsAppend "$jit"} "${@:-EventJsonBenchmark}"
