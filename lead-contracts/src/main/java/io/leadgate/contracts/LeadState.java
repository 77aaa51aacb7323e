package io.leadgate.contracts;

/**
 * Where a capture stands. The rank orders states along the pipeline so that a status view can
 * ignore a late, out-of-order event: a state never replaces one of higher rank.
 */
public enum LeadState {
  RECEIVED(0),
  CHECKING(1),
  DEFERRED(2),
  DUPLICATE(3),
  CREATED(3),
  FAILED(3);

  private final int rank;

  LeadState(int rank) {
    this.rank = rank;
  }

  public boolean isFinal() {
    return rank == 3;
  }

  /** True when an event in {@code next} state may replace this one in a status view. */
  public boolean canAdvanceTo(LeadState next) {
    return !isFinal() && next.rank >= rank;
  }
}
