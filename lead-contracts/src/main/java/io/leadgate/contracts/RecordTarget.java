package io.leadgate.contracts;

/** The Salesforce object a capture becomes when no duplicate exists. */
public enum RecordTarget {
  LEAD,
  CONTACT
}
