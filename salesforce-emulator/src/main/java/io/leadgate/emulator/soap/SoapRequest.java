package io.leadgate.emulator.soap;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A parsed SOAP request: its headers by local name (WSC writes them in hash order, so order means
 * nothing) and the operation element, the first child of the Body.
 */
final class SoapRequest {

  private final Map<String, Element> headers;
  private final Element operation;

  private SoapRequest(Map<String, Element> headers, Element operation) {
    this.headers = headers;
    this.operation = operation;
  }

  /** Building a parser costs more than parsing a request; each worker thread keeps its own. */
  private static final ThreadLocal<DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(SoapRequest::newBuilder);

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder;
    } catch (Exception e) {
      throw new IllegalStateException("No XML parser", e);
    }
  }

  static SoapRequest parse(byte[] body) {
    Document document;
    try {
      DocumentBuilder builder = BUILDERS.get();
      builder.reset();
      builder.setErrorHandler(null);
      document = builder.parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw SoapFault.client(
          "Unable to parse the SOAP request: " + (e.getMessage() == null ? e : e.getMessage()));
    }
    Element envelope = document.getDocumentElement();
    if (!Namespaces.SOAP_ENV.equals(envelope.getNamespaceURI())
        || !"Envelope".equals(envelope.getLocalName())) {
      throw SoapFault.client("Expected a SOAP 1.1 Envelope");
    }
    Map<String, Element> headers = new HashMap<>();
    Element operation = null;
    for (Element part : children(envelope)) {
      if ("Header".equals(part.getLocalName())) {
        for (Element header : children(part)) {
          headers.put(header.getLocalName(), header);
        }
      } else if ("Body".equals(part.getLocalName())) {
        List<Element> content = children(part);
        operation = content.isEmpty() ? null : content.get(0);
      }
    }
    if (operation == null) {
      throw SoapFault.client("Missing operation in the SOAP Body");
    }
    return new SoapRequest(headers, operation);
  }

  String operationName() {
    return operation.getLocalName();
  }

  Element operation() {
    return operation;
  }

  /** The text of a header's child, e.g. header("SessionHeader", "sessionId"), or null. */
  String header(String header, String child) {
    Element h = headers.get(header);
    return h == null ? null : childText(h, child);
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Element e : children(parent)) {
      if (localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  static String childText(Element parent, String localName) {
    for (Element e : children(parent)) {
      if (localName.equals(e.getLocalName())) {
        return isNil(e) ? null : e.getTextContent();
      }
    }
    return null;
  }

  static boolean isNil(Element e) {
    String nil = e.getAttributeNS(Namespaces.XSI, "nil");
    return "true".equals(nil) || "1".equals(nil);
  }
}
