package io.leadgate.faultcampaign;

import io.leadgate.emulator.EmulatedOrg;

/**
 * A team of the campaign, its emulated org and its budget.
 *
 * @param initialCapPercent the cap budget-service starts with (its default)
 * @param settledCapPercent the cap the team's admin sets once the nemesis is done, so that what the
 *     cap held back can be created
 */
record Team(
    String teamId,
    String apiKey,
    String adminKey,
    EmulatedOrg org,
    long dailyLimit,
    int initialCapPercent,
    int settledCapPercent) {

  String orgId() {
    return org.orgId();
  }

  long capCalls(int capPercent) {
    return dailyLimit * capPercent / 100;
  }
}
