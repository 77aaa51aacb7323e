package io.leadgate.system;

import io.leadgate.testsupport.WithKafkaBroker;

/**
 * No trace recorded, as for nine leads in ten at the default sampling: the records carry their
 * trace without a producer observation.
 */
@WithKafkaBroker
class UnsampledTraceFollowsLeadEndToEndTest extends TraceFollowsLead {

  UnsampledTraceFollowsLeadEndToEndTest() {
    super(0.0);
  }
}
