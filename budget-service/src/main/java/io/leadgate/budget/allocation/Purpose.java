package io.leadgate.budget.allocation;

/** What an allowance is for; creates and checks may be weighed differently near the cap. */
public enum Purpose {
  CHECK,
  CREATE
}
