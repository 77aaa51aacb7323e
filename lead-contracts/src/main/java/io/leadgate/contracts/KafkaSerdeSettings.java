package io.leadgate.contracts;

import java.util.Map;

/**
 * The JSON serde settings every producer and consumer shares, as plain property maps so that this
 * module stays free of Spring and Kafka. Type headers are off: consumers bind to the JSON shape
 * named by their topic, never to a producer's Java class name.
 */
public final class KafkaSerdeSettings {

  public static final String ADD_TYPE_HEADERS = "spring.json.add.type.headers";
  public static final String USE_TYPE_HEADERS = "spring.json.use.type.headers";
  public static final String VALUE_DEFAULT_TYPE = "spring.json.value.default.type";
  public static final String TRUSTED_PACKAGES = "spring.json.trusted.packages";

  private KafkaSerdeSettings() {}

  public static Map<String, Object> producer() {
    return Map.of(ADD_TYPE_HEADERS, false);
  }

  public static Map<String, Object> consumer(Topics.Topic topic) {
    return Map.of(
        USE_TYPE_HEADERS,
        false,
        VALUE_DEFAULT_TYPE,
        topic.valueType().getName(),
        TRUSTED_PACKAGES,
        LeadCaptured.class.getPackageName());
  }
}
