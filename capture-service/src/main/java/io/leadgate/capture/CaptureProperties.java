package io.leadgate.capture;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param ackTimeout how long a capture waits for Kafka to acknowledge before the client gets 503
 * @param phoneRegion the region for phone numbers typed without a country code
 */
@ConfigurationProperties("leadgate.capture")
@Validated
public record CaptureProperties(
    @NotNull Duration ackTimeout, @NotBlank String phoneRegion, boolean foldPlusTags) {}
