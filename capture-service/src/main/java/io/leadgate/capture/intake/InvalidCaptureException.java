package io.leadgate.capture.intake;

import java.util.List;

/** The capture breaks one or more rules; each problem names its field. */
public class InvalidCaptureException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidCaptureException(List<FieldProblem> problems) {
    super("Invalid capture: " + problems.size() + " problem(s)");
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
