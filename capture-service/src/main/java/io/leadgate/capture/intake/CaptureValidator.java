package io.leadgate.capture.intake;

import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.PersonKey;
import io.leadgate.identity.RawIdentity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every rule a capture must meet, each broken rule named by its field. Beyond lengths and required
 * fields: no control characters, bidirectional overrides or broken surrogates anywhere (they spoof
 * names in Salesforce and break logs); names made of letters, marks, spaces and {@code . , ' -}
 * only, in any script (so "Zoë", "李", "O'Brien" pass and markup or query fragments do not); no
 * angle brackets in company or title; e-mail, LinkedIn URL and phone must be usable for matching
 * when given, and at least one identity must be usable.
 */
final class CaptureValidator {

  private final Validator validator;
  private final IdentityNormalizer identities;

  /** A text field, how to read it, and its length in Salesforce. */
  private record Text(String field, Function<CaptureRequest, String> value, int maxLength) {}

  /*
   * Lengths and lastName's presence are checked here rather than by Bean Validation annotations:
   * the same rules and messages as @Size and @NotBlank, without the reflective walk over every
   * field of every capture. Bean Validation still checks capturedBy's @Email.
   */
  private static final List<Text> TEXTS =
      List.of(
          new Text("firstName", CaptureRequest::firstName, 40),
          new Text("lastName", CaptureRequest::lastName, 80),
          new Text("email", CaptureRequest::email, 80),
          new Text("phone", CaptureRequest::phone, 40),
          new Text("company", CaptureRequest::company, 255),
          new Text("title", CaptureRequest::title, 128),
          new Text("linkedinUrl", CaptureRequest::linkedinUrl, 255),
          new Text("capturedBy", CaptureRequest::capturedBy, 80));

  /*
   * A team has a handful of reps, each capturing all day, and Bean Validation's e-mail check is
   * the costliest rule per capture: a rep address that passed once is not checked again. Bounded,
   * so a client inventing addresses cannot grow it without limit.
   */
  private static final int KNOWN_REPS_LIMIT = 10_000;

  private final Set<String> knownReps = ConcurrentHashMap.newKeySet();

  CaptureValidator(Validator validator, IdentityNormalizer identities) {
    this.validator = validator;
    this.identities = identities;
  }

  /** The capture's problems, and its person key when it has none. */
  record Outcome(List<FieldProblem> problems, PersonKey personKey) {
    boolean valid() {
      return problems.isEmpty();
    }
  }

  Outcome validate(CaptureRequest request) {
    if (request == null) {
      return new Outcome(List.of(new FieldProblem("body", "send a capture object")), null);
    }
    Map<String, String> problems = new LinkedHashMap<>();
    if (request.lastName() == null || request.lastName().isBlank()) {
      problems.put("lastName", "must not be blank");
    }
    for (Text text : TEXTS) {
      String value = text.value().apply(request);
      if (value != null && value.length() > text.maxLength()) {
        problems.putIfAbsent(text.field(), "size must be between 0 and " + text.maxLength());
      }
    }
    if (request.capturedBy() != null && !knownReps.contains(request.capturedBy())) {
      Set<ConstraintViolation<CaptureRequest>> violations =
          validator.validateValue(CaptureRequest.class, "capturedBy", request.capturedBy());
      for (ConstraintViolation<CaptureRequest> violation : violations) {
        problems.putIfAbsent("capturedBy", violation.getMessage());
      }
      if (violations.isEmpty()) {
        remember(request.capturedBy());
      }
    }
    request.unknown().keySet().stream()
        .sorted()
        .forEach(field -> problems.putIfAbsent(clip(field), "unknown field"));
    for (Text text : TEXTS) {
      unsafe(text.value().apply(request)).ifPresent(why -> problems.putIfAbsent(text.field(), why));
    }
    badName(request.firstName()).ifPresent(why -> problems.putIfAbsent("firstName", why));
    badName(request.lastName()).ifPresent(why -> problems.putIfAbsent("lastName", why));
    markup(request.company()).ifPresent(why -> problems.putIfAbsent("company", why));
    markup(request.title()).ifPresent(why -> problems.putIfAbsent("title", why));

    if (!present(request.email())
        && !present(request.linkedinUrl())
        && !present(request.phone())
        && !present(request.company())) {
      problems.putIfAbsent(
          "email", "at least one of email, linkedinUrl, phone or company is required");
    }
    PersonKey personKey = null;
    if (problems.isEmpty()) {
      // Each identity is normalised once: the same values decide validity and the person key.
      Optional<String> email = normalized(request.email(), identities::email);
      Optional<String> linkedin = normalized(request.linkedinUrl(), identities::linkedin);
      Optional<String> phone = normalized(request.phone(), identities::phone);
      if (present(request.email()) && email.isEmpty()) {
        problems.put("email", "not a usable e-mail address");
      }
      if (present(request.linkedinUrl()) && linkedin.isEmpty()) {
        problems.put("linkedinUrl", "not a LinkedIn profile URL (linkedin.com/in/…)");
      }
      if (present(request.phone()) && phone.isEmpty()) {
        problems.put("phone", "not a usable phone number");
      }
      if (problems.isEmpty()) {
        personKey = personKey(request, email, linkedin, phone).orElse(null);
        if (personKey == null) {
          problems.put(
              present(request.company()) ? "company" : "email",
              "at least one of email, linkedinUrl, phone or company is required to match the"
                  + " person");
        }
      }
    }
    List<FieldProblem> list = new ArrayList<>();
    problems.forEach((field, message) -> list.add(new FieldProblem(field, message)));
    list.sort(Comparator.comparing(FieldProblem::field));
    return new Outcome(list, personKey);
  }

  private void remember(String capturedBy) {
    if (knownReps.size() >= KNOWN_REPS_LIMIT) {
      knownReps.clear();
    }
    knownReps.add(capturedBy);
  }

  private static Optional<String> normalized(
      String raw, Function<String, Optional<String>> normalizer) {
    return present(raw) ? normalizer.apply(raw) : Optional.empty();
  }

  /**
   * The strongest key, as {@link IdentityNormalizer#personKey} gives it, from the values already
   * normalised: names and company are only normalised when no e-mail, LinkedIn URL or phone wins.
   */
  private Optional<PersonKey> personKey(
      CaptureRequest request,
      Optional<String> email,
      Optional<String> linkedin,
      Optional<String> phone) {
    if (email.isPresent() || linkedin.isPresent() || phone.isPresent()) {
      return new IdentityKeys(email, linkedin, phone, Optional.empty()).personKey();
    }
    return identities.personKey(
        new RawIdentity(
            request.firstName(),
            request.lastName(),
            request.email(),
            request.phone(),
            request.company(),
            request.linkedinUrl()));
  }

  private static Optional<String> unsafe(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of("contains control characters");
      }
      if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
        return Optional.of("contains bidirectional text controls");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("contains broken unicode (a lone surrogate)");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("contains broken unicode (a lone surrogate)");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> badName(String value) {
    if (value == null) {
      return Optional.empty();
    }
    boolean ok =
        value
            .codePoints()
            .allMatch(
                cp ->
                    Character.isLetter(cp)
                        || isMark(cp)
                        || Character.getType(cp) == Character.SPACE_SEPARATOR
                        || cp == '.'
                        || cp == ','
                        || cp == '\''
                        || cp == '\u2019'
                        || cp == '-'
                        || cp == '\u200C'
                        || cp == '\u200D');
    return ok
        ? Optional.empty()
        : Optional.of("may contain only letters, spaces and . , ' - (any script)");
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static Optional<String> markup(String value) {
    return value != null && (value.indexOf('<') >= 0 || value.indexOf('>') >= 0)
        ? Optional.of("may not contain < or >")
        : Optional.empty();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** A hostile client may send a megabyte-long field name; the answer names it, briefly. */
  private static String clip(String field) {
    String printable =
        field
            .codePoints()
            .filter(cp -> !Character.isISOControl(cp))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
  }
}
