#!/usr/bin/env bash
# Burst benchmark of writer-service: records created per Salesforce call and records per second.
# Runs the writer (Spring Boot, real WSC) against the embedded emulator and an in-process Kafka
# broker in one JVM; see writer-service/README.md.  Usage: writer-service/bench.sh [records]
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-10000}
./mvnw -B -q install -DskipTests -pl writer-service -am
./mvnw -B -q -pl writer-service test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="writer-service/target/test-classes:writer-service/target/classes:$(cat writer-service/target/bench.classpath)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -Xmx1g -cp "$cp" io.leadgate.writer.bench.WriterBurstBenchmark "$records" 2>&1 \
  | grep -E '^burst|ERROR|Exception' || true
