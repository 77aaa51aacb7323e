package io.leadgate.service.kafka;

import io.leadgate.contracts.Topics.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares a service's topics from their single definition in {@code Topics}. A consumer also
 * declares its dead-letter topic. Declaring an existing topic is a no-op, so services may declare
 * the same topic.
 */
public final class TopicDeclarations {

  private TopicDeclarations() {}

  public static KafkaAdmin.NewTopics declare(
      int replicas, List<Topic> produced, List<Topic> consumed) {
    List<NewTopic> topics = new ArrayList<>();
    for (Topic topic : produced) {
      topics.add(newTopic(topic, replicas));
    }
    for (Topic topic : consumed) {
      topics.add(newTopic(topic, replicas));
      topics.add(newTopic(topic.deadLetter(), replicas));
    }
    return new KafkaAdmin.NewTopics(topics.stream().distinct().toArray(NewTopic[]::new));
  }

  private static NewTopic newTopic(Topic topic, int replicas) {
    TopicBuilder builder =
        TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(replicas);
    if (topic.compacted()) {
      builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    return builder.build();
  }
}
