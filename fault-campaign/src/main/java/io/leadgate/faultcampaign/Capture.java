package io.leadgate.faultcampaign;

import java.util.ArrayList;
import java.util.List;

/** One capture the load generator sent, and every HTTP answer (or its absence) it got. */
final class Capture {

  private final String captureId;
  private final Team team;
  private final Person person;
  private final List<String> attempts = new ArrayList<>();
  private Answer answer = Answer.FAILED;
  private boolean anyUnknown;

  Capture(String captureId, Team team, Person person) {
    this.captureId = captureId;
    this.team = team;
    this.person = person;
  }

  String captureId() {
    return captureId;
  }

  Team team() {
    return team;
  }

  Person person() {
    return person;
  }

  synchronized void answered(int status) {
    attempts.add(Integer.toString(status));
    if (status >= 200 && status < 300) {
      answer = Answer.OK;
    } else if (answer != Answer.OK) {
      boolean definitive = status >= 400 && status < 500 && status != 429 && status != 408;
      answer = definitive ? Answer.REJECTED : anyUnknown ? Answer.UNKNOWN : Answer.FAILED;
    }
  }

  synchronized void noAnswer(String why) {
    attempts.add(why);
    anyUnknown = true;
    if (answer != Answer.OK) {
      answer = Answer.UNKNOWN;
    }
  }

  synchronized Answer answer() {
    return answer;
  }

  synchronized boolean settled() {
    return answer == Answer.OK || answer == Answer.REJECTED;
  }

  synchronized int attemptCount() {
    return attempts.size();
  }

  synchronized List<String> attempts() {
    return List.copyOf(attempts);
  }
}
