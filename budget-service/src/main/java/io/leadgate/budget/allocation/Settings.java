package io.leadgate.budget.allocation;

import io.leadgate.contracts.BudgetPacing;
import java.util.ArrayList;
import java.util.List;

/**
 * One org's budget settings as its team admin chose them.
 *
 * @param capPercent the share (1–100) of the daily limit the org's total usage may reach with
 *     Leadgate's calls
 * @param goldenPercent the share (1–100) of the cap from which the mode turns GOLDEN
 * @param pacing OFF: as fast as demand asks; EVEN: Leadgate's calls in any trailing hour stay
 *     within a 24th of the cap
 * @param reserveCalls calls at the top of the cap that only CREATE allowances may use
 */
public record Settings(int capPercent, int goldenPercent, BudgetPacing pacing, long reserveCalls) {

  /** What makes these settings invalid, in words; empty when they are valid. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (capPercent < 1 || capPercent > 100) {
      problems.add("capPercent must be between 1 and 100, was " + capPercent);
    }
    if (goldenPercent < 1 || goldenPercent > 100) {
      problems.add("goldenPercent must be between 1 and 100, was " + goldenPercent);
    }
    if (pacing == null) {
      problems.add("pacing must be OFF or EVEN");
    }
    if (reserveCalls < 0) {
      problems.add("reserveCalls must not be negative, was " + reserveCalls);
    }
    return problems;
  }
}
