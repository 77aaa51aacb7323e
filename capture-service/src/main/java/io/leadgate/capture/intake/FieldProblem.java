package io.leadgate.capture.intake;

/** One thing wrong with one field of a capture, in words the rep's extension can show. */
public record FieldProblem(String field, String message) {}
