package io.leadgate.emulator.soap;

import java.util.function.Consumer;

/** Writes complete response envelopes in Salesforce's layout. */
final class Envelopes {

  private Envelopes() {}

  /**
   * A success envelope. The default namespace is the partner namespace, which also lets unprefixed
   * xsi:type values such as QueryResult resolve the way WSC expects.
   *
   * @param limitInfo current and limit for LimitInfoHeader, or null for none (login)
   */
  static String success(long[] limitInfo, Consumer<XmlWriter> body) {
    XmlWriter xml = new XmlWriter();
    xml.start("soapenv:Envelope")
        .attr("xmlns:soapenv", Namespaces.SOAP_ENV)
        .attr("xmlns", Namespaces.PARTNER)
        .attr("xmlns:sf", Namespaces.SOBJECT)
        .attr("xmlns:xsi", Namespaces.XSI);
    if (limitInfo != null) {
      xml.start("soapenv:Header")
          .start("LimitInfoHeader")
          .start("limitInfo")
          .element("current", limitInfo[0])
          .element("limit", limitInfo[1])
          .element("type", "API REQUESTS")
          .end()
          .end()
          .end();
    }
    xml.start("soapenv:Body");
    body.accept(xml);
    xml.end().end();
    return xml.toString();
  }

  /** A fault envelope; faults carry no LimitInfoHeader, as in captured Salesforce faults. */
  static String fault(SoapFault fault) {
    XmlWriter xml = new XmlWriter();
    xml.start("soapenv:Envelope")
        .attr("xmlns:soapenv", Namespaces.SOAP_ENV)
        .attr("xmlns:sf", Namespaces.FAULT)
        .attr("xmlns:xsi", Namespaces.XSI)
        .start("soapenv:Body")
        .start("soapenv:Fault");
    if (fault.exceptionCode() == null) {
      xml.element("faultcode", "soapenv:Client").element("faultstring", fault.getMessage());
    } else {
      String type = fault.faultType();
      xml.element("faultcode", "sf:" + fault.exceptionCode())
          .element("faultstring", fault.exceptionCode() + ": " + fault.getMessage())
          .start("detail")
          .start("sf:" + type)
          .attr("xsi:type", "sf:" + type)
          .element("sf:exceptionCode", fault.exceptionCode())
          .element("sf:exceptionMessage", fault.getMessage());
      if (fault.row() != null) {
        xml.element("sf:row", fault.row()).element("sf:column", fault.column());
      }
      xml.end().end();
    }
    xml.end().end().end();
    return xml.toString();
  }
}
