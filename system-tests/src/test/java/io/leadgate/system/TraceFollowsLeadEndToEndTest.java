package io.leadgate.system;

import io.leadgate.testsupport.WithKafkaBroker;

/** Every trace recorded: the records go through the observed KafkaTemplate. */
@WithKafkaBroker
class TraceFollowsLeadEndToEndTest extends TraceFollowsLead {

  TraceFollowsLeadEndToEndTest() {
    super(1.0);
  }
}
