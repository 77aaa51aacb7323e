package io.leadgate.salesforce;

import java.util.List;

/** Records a lookup found and the Salesforce calls it spent (one per statement, plus queryMore). */
public record Found<T>(List<T> records, int calls) {

  public Found {
    records = List.copyOf(records);
  }
}
