package io.leadgate.emulator.soap;

/** Namespace URIs of the Partner API; WSC matches on these, not on prefixes. */
final class Namespaces {

  static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String PARTNER = "urn:partner.soap.sforce.com";
  static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";
  static final String FAULT = "urn:fault.partner.soap.sforce.com";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private Namespaces() {}
}
