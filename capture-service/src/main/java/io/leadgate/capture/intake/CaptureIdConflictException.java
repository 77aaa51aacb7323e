package io.leadgate.capture.intake;

/**
 * The captureId is already used by another team. Capture ids are keys of one shared topic, so a
 * second team may not reuse one; the client should generate a fresh UUID.
 */
public class CaptureIdConflictException extends RuntimeException {

  public CaptureIdConflictException() {
    super("This captureId cannot be used; generate a new one.");
  }
}
