/**
 * The wire contract between Leadgate's services: event records, their enums and the topics they
 * travel on. Framework-free on purpose, so that any consumer (a service, a dashboard, a test) can
 * depend on it without pulling in Spring or Kafka. Events are past-tense records carrying an
 * explicit {@code schemaVersion}; JSON field names are the record component names.
 */
package io.leadgate.contracts;
