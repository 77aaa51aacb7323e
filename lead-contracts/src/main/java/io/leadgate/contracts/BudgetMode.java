package io.leadgate.contracts;

/** How freely Leadgate may spend an org's Salesforce API calls right now. */
public enum BudgetMode {
  BLUE,
  GOLDEN,
  EXHAUSTED
}
