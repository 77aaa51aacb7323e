package io.leadgate.faultcampaign;

import io.leadgate.contracts.LeadState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The verdict from what the client was told, what {@code leads.status} says and what the org holds.
 * Pure: every input is a value, so each rule is tested by hand-made cases.
 */
final class Checker {

  static final Duration WINDOW = Duration.ofHours(24);

  /** A capture as the client saw it. */
  record SentCapture(String captureId, String orgId, String emailKey, Answer answer) {}

  /** A record in the org. */
  record OrgRecord(String orgId, String id, String email) {}

  /** From this instant on, the org's cap is this many calls. */
  record CapStep(Instant from, long capCalls) {}

  /** Counted calls of one org in arrival order, usage by others, and the caps over time. */
  record OrgCalls(List<Instant> counted, long backgroundUsage, List<CapStep> caps) {}

  /** One line of the verdict: a count that must be zero, and what it was counted over. */
  record Row(String name, long count, String over, List<String> examples) {}

  private Checker() {}

  static List<Row> check(
      List<SentCapture> captures,
      Map<String, StatusTracker.Status> statuses,
      List<OrgRecord> records,
      Map<String, OrgCalls> calls) {
    Map<String, Set<String>> recordIdsByOrg = new HashMap<>();
    Map<String, Map<String, Integer>> recordsByPerson = new HashMap<>();
    for (OrgRecord record : records) {
      recordIdsByOrg.computeIfAbsent(record.orgId(), k -> new HashSet<>()).add(record.id());
      recordsByPerson
          .computeIfAbsent(record.orgId(), k -> new HashMap<>())
          .merge(key(record.email()), 1, Integer::sum);
    }
    long acknowledged = captures.stream().filter(c -> c.answer() == Answer.OK).count();

    List<String> lost = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> deferred = new ArrayList<>();
    List<String> phantomCaptures = new ArrayList<>();
    Map<String, Set<String>> mayExist = new HashMap<>();
    long known = 0;
    for (SentCapture capture : captures) {
      StatusTracker.Status status = statuses.get(capture.captureId());
      if (capture.answer() == Answer.OK || capture.answer() == Answer.UNKNOWN) {
        mayExist
            .computeIfAbsent(capture.orgId(), k -> new HashSet<>())
            .add(key(capture.emailKey()));
      }
      if (status != null) {
        known++;
      }
      boolean mustFinish = capture.answer() == Answer.OK || status != null;
      if ((capture.answer() == Answer.FAILED || capture.answer() == Answer.REJECTED)
          && status != null) {
        phantomCaptures.add(
            capture.captureId() + " answered " + capture.answer() + " but is " + status.latest());
      }
      if (!mustFinish) {
        continue;
      }
      if (status == null || !status.isFinal()) {
        if (status != null && status.latest() == LeadState.DEFERRED) {
          deferred.add(capture.captureId());
        } else {
          lost.add(
              capture.captureId()
                  + " "
                  + (status == null ? "never in leads.status" : "still " + status.latest()));
        }
        continue;
      }
      if (status.finals().contains(LeadState.FAILED)) {
        failed.add(capture.captureId());
      }
      if (status.finals().contains(LeadState.CREATED)) {
        for (String id : status.salesforceIds()) {
          if (!recordIdsByOrg.getOrDefault(capture.orgId(), Set.of()).contains(id)) {
            lost.add(capture.captureId() + " CREATED as " + id + ", which the org does not hold");
          }
        }
      }
      if (capture.answer() == Answer.OK
          && recordsByPerson
                  .getOrDefault(capture.orgId(), Map.of())
                  .getOrDefault(key(capture.emailKey()), 0)
              == 0) {
        lost.add(
            capture.captureId()
                + " "
                + status.latest()
                + " but the org has no record of "
                + capture.emailKey());
      }
    }

    List<String> duplicates = new ArrayList<>();
    long duplicateCount = 0;
    long persons = 0;
    List<String> phantoms = new ArrayList<>(phantomCaptures);
    for (var org : recordsByPerson.entrySet()) {
      for (var person : org.getValue().entrySet()) {
        persons++;
        if (person.getValue() > 1) {
          duplicateCount += person.getValue() - 1;
          duplicates.add(person.getKey() + " has " + person.getValue() + " records");
        }
        if (!mayExist.getOrDefault(org.getKey(), Set.of()).contains(person.getKey())) {
          phantoms.add("record of " + person.getKey() + ", whom no accepted capture named");
        }
      }
    }

    long overCap = 0;
    long counted = 0;
    List<String> overCapExamples = new ArrayList<>();
    for (var org : calls.entrySet()) {
      List<Instant> times = org.getValue().counted();
      counted += times.size();
      List<Integer> over = callsOverCap(org.getValue());
      overCap += over.size();
      for (int index : over) {
        overCapExamples.add(org.getKey() + " call at " + times.get(index));
      }
    }

    String capturesOver = acknowledged + " acknowledged of " + captures.size() + " captures";
    return List.of(
        new Row("lost leads", lost.size(), capturesOver, lost),
        new Row("duplicate records", duplicateCount, persons + " persons with records", duplicates),
        new Row(
            "phantom records and captures",
            phantoms.size(),
            records.size() + " records, " + known + " captures in leads.status",
            phantoms),
        new Row(
            "calls over the cap", overCap, counted + " counted Salesforce calls", overCapExamples),
        new Row("stuck in DEFERRED", deferred.size(), capturesOver, deferred),
        new Row("ended FAILED", failed.size(), capturesOver, failed));
  }

  /**
   * The indexes of the calls that took the rolling 24-hour window, together with others' usage,
   * over the cap in force when they were made.
   */
  static List<Integer> callsOverCap(OrgCalls calls) {
    List<Instant> times = calls.counted();
    List<Integer> over = new ArrayList<>();
    int first = 0;
    for (int i = 0; i < times.size(); i++) {
      Instant now = times.get(i);
      while (!times.get(first).isAfter(now.minus(WINDOW))) {
        first++;
      }
      long inWindow = i - first + 1;
      if (inWindow + calls.backgroundUsage() > capAt(calls.caps(), now)) {
        over.add(i);
      }
    }
    return over;
  }

  private static long capAt(List<CapStep> caps, Instant at) {
    long cap = Long.MAX_VALUE;
    for (CapStep step : caps) {
      if (!step.from().isAfter(at)) {
        cap = step.capCalls();
      }
    }
    return cap;
  }

  private static String key(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
