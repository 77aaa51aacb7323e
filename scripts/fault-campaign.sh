#!/usr/bin/env bash
# Fault campaign (issue 9): Leadgate's services as separate processes (2 replicas of capture, dedup
# and writer, 1 budget-service), a real Kafka broker process from Kafka's Maven jars, the Salesforce
# emulator, a load generator, a nemesis and a checker that prints the verdict. Exits non-zero when
# any count of the verdict is not zero. Ports are free ones picked at start; nothing collides with
# scripts/run-local.sh. See docs/fault-campaign.md.
#
# Usage: scripts/fault-campaign.sh [ci|full|soak] [seed]
#   ci    >= 100 kill -9, about 5 minutes (also FaultCampaignIT, part of ./mvnw verify)
#   full  >= 100 kill -9; 454 s measured (seed 11: 103 kills, all zero)
#   soak  2 hours of chaos
# SKIP_BUILD=1 reuses the jars of the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-ci}
seed=${2:-$(date +%s)}

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building the services and the harness (tests skipped) ..."
  ./mvnw -B -q install -DskipTests -pl fault-campaign -am
fi

exec java -Xmx768m -XX:+UseSerialGC \
  -Dfault-campaign.services=fault-campaign/target/services \
  -Dfault-campaign.work="fault-campaign/target/campaign-$size" \
  -cp "fault-campaign/target/classes:$(cat fault-campaign/target/classpath.txt)" \
  io.leadgate.faultcampaign.FaultCampaign "$size" "$seed"
