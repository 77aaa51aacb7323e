package io.leadgate.writer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize records per create call and per poll (Salesforce takes at most 200)
 * @param batchWait how long a poll waits for a fuller batch
 * @param leadSource the LeadSource every created record carries
 * @param personKeyField the unique, case-insensitive external-id field holding Leadgate's person
 *     key
 */
@ConfigurationProperties("leadgate.writer")
@Validated
public record WriterProperties(
    @NotNull URI budgetServiceUrl,
    @NotNull Duration retryAfter,
    @Min(1) @Max(200) int batchSize,
    @NotNull Duration batchWait,
    @NotBlank String leadSource,
    @NotBlank String linkedinField,
    @NotBlank String personKeyField) {}
