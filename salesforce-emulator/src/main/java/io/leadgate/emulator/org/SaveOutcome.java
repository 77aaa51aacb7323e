package io.leadgate.emulator.org;

import java.util.List;

/** The result of saving one record: an id on success, errors otherwise. */
public record SaveOutcome(String id, List<SaveError> errors) {

  public SaveOutcome {
    errors = List.copyOf(errors);
  }

  public static SaveOutcome saved(String id) {
    return new SaveOutcome(id, List.of());
  }

  public static SaveOutcome failed(SaveError error) {
    return new SaveOutcome(null, List.of(error));
  }

  public boolean success() {
    return errors.isEmpty();
  }
}
