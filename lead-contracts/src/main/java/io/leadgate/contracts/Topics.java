package io.leadgate.contracts;

import java.util.List;

/**
 * Every topic Leadgate uses, with its key, value type, partition count and cleanup policy. Services
 * declare the topics they touch from here (broker auto-creation is off), so a topic has one
 * definition.
 */
public final class Topics {

  /**
   * Key {@code orgId/personKey}. Six partitions: enough parallelism for two replicas of dedup with
   * three threads each, few enough for a 2-core machine; one person in one org stays on one
   * partition, so captures of the same person are checked in order.
   */
  public static final Topic LEADS_CAPTURED =
      new Topic("leads.captured", 6, false, LeadCaptured.class);

  /**
   * Key {@code orgId/personKey}, as {@link #LEADS_CAPTURED}, so creates of one person are serial.
   */
  public static final Topic LEADS_TO_CREATE =
      new Topic("leads.to-create", 6, false, LeadCleared.class);

  /**
   * dedup-service's delay queue: captures of an org that has no API allowance left wait here, each
   * with a {@code leadgate-not-before} header, so that they never hold up other orgs' captures on
   * {@link #LEADS_CAPTURED}. Keyed and partitioned like it.
   */
  public static final Topic LEADS_CAPTURED_DEFERRED =
      new Topic("leads.captured.deferred", 6, false, LeadCaptured.class);

  /**
   * writer-service's delay queue for {@link #LEADS_TO_CREATE}, as {@link #LEADS_CAPTURED_DEFERRED}
   * is dedup-service's.
   */
  public static final Topic LEADS_TO_CREATE_DEFERRED =
      new Topic("leads.to-create.deferred", 6, false, LeadCleared.class);

  /** Key capture id. Compacted: the status view rebuilds from it on start. */
  public static final Topic LEADS_STATUS =
      new Topic("leads.status", 6, true, LeadStatusChanged.class);

  /**
   * Key org id. A capture matched a record someone else owns; one partition keeps an org's
   * collisions in order, and they are few.
   */
  public static final Topic OWNER_COLLISIONS =
      new Topic("leads.owner-collisions", 1, false, OwnerCollisionDetected.class);

  /** Key org id. Compacted: the latest budget per org. One partition: low volume, total order. */
  public static final Topic BUDGET_STATUS =
      new Topic("budget.status", 1, true, BudgetStatusChanged.class);

  /** Key org id. Low volume; one partition keeps observations of an org in order. */
  public static final Topic SALESFORCE_API_USAGE =
      new Topic("salesforce.api-usage", 1, false, SalesforceApiUsageObserved.class);

  /**
   * Key org id. The audit trail of budget settings changes (who, when, before, after); not
   * compacted, so every change is kept for the topic's retention.
   */
  public static final Topic BUDGET_AUDIT =
      new Topic("budget.audit", 1, false, BudgetSettingsChanged.class);

  public static final List<Topic> ALL =
      List.of(
          LEADS_CAPTURED,
          LEADS_CAPTURED_DEFERRED,
          LEADS_TO_CREATE,
          LEADS_TO_CREATE_DEFERRED,
          OWNER_COLLISIONS,
          LEADS_STATUS,
          BUDGET_STATUS,
          SALESFORCE_API_USAGE,
          BUDGET_AUDIT);

  private Topics() {}

  /** The Kafka key of a person's events: same person in the same org, same partition. */
  public static String personKey(String orgId, String personKey) {
    return orgId + "/" + personKey;
  }

  /**
   * A topic's definition.
   *
   * @param compacted whether the topic keeps only the latest value per key
   */
  public record Topic(String name, int partitions, boolean compacted, Class<?> valueType) {

    /**
     * The dead-letter topic for records this topic's consumers cannot process. Same partition
     * count, so a record keeps its partition when it is re-driven.
     */
    public Topic deadLetter() {
      return new Topic(name + ".DLT", partitions, false, valueType);
    }
  }
}
