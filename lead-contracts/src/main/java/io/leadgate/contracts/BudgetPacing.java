package io.leadgate.contracts;

/**
 * How Leadgate spreads an org's cap over Salesforce's rolling 24-hour window. OFF spends as fast as
 * demand asks (the morning may take the whole cap); EVEN lets Leadgate's own calls in any trailing
 * hour reach at most a 24th of the cap, so the afternoon still has calls.
 */
public enum BudgetPacing {
  OFF,
  EVEN
}
