package io.leadgate.dedup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How captures are batched into one Salesforce check: at most {@code maxSize} captures, or what
 * arrived within {@code maxWait}, whichever comes first. With no wait (the default) a poll takes
 * what is there: what arrives while one batch is checked is the next batch (see {@link
 * io.leadgate.service.kafka.BatchFetch}).
 *
 * @param concurrency consumer threads of {@code leads.captured} (and of its delay queue) in one
 *     instance, each checking the batches of its own partitions: while one waits for Salesforce,
 *     another matches. Every capture of a person is on one partition, so they are still checked in
 *     order by one thread; threads beyond the topic's partitions (6) would idle.
 * @param orgConcurrency threads, shared by the consumer threads, that look up the orgs of one poll
 *     side by side (each consumer thread looks up one org itself): a poll of several orgs then
 *     takes its slowest org's round trips to budget-service and Salesforce, not their sum.
 */
@ConfigurationProperties("leadgate.dedup.batch")
@Validated
public record BatchProperties(
    @Min(1) @Max(2000) int maxSize,
    @NotNull Duration maxWait,
    @Min(1) @Max(6) int concurrency,
    @Min(1) @Max(64) int orgConcurrency) {}
