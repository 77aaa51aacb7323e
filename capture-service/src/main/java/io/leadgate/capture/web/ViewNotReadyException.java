package io.leadgate.capture.web;

/** The status view has not yet read leads.status to its end since start-up. */
public class ViewNotReadyException extends RuntimeException {

  public ViewNotReadyException() {
    super("The status view is still loading");
  }
}
