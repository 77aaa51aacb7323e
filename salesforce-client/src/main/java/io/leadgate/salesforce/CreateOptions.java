package io.leadgate.salesforce;

/**
 * How a create call is made.
 *
 * @param useDefaultAssignmentRule send the AssignmentRuleHeader so that the org's active assignment
 *     rule picks the owner (Leads and Cases only; ignored for other objects)
 */
public record CreateOptions(boolean useDefaultAssignmentRule) {

  public static CreateOptions defaults() {
    return new CreateOptions(false);
  }
}
