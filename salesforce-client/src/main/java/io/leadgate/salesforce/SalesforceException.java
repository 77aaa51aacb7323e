package io.leadgate.salesforce;

/**
 * A Salesforce call that failed as a whole, typed by what the caller should do about it. Failures
 * of single records in a batch are {@link CreateOutcome}s instead.
 */
public abstract sealed class SalesforceException extends RuntimeException {

  private SalesforceException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The org's rolling-24-hour API limit is spent: wait for the window, do not retry now. */
  public static final class LimitExceeded extends SalesforceException {
    public LimitExceeded(String message) {
      super(message, null);
    }
  }

  /** The session expired and could not be renewed. */
  public static final class SessionExpired extends SalesforceException {
    public SessionExpired(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A network failure, timeout or server error: retrying later may succeed. */
  public static final class Transient extends SalesforceException {
    public Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The request itself is wrong (bad query, refused credentials): retrying will not help. */
  public static final class Permanent extends SalesforceException {
    private final String code;

    public Permanent(String code, String message) {
      super(code + ": " + message, null);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
