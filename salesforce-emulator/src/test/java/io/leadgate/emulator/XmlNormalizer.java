package io.leadgate.emulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reduces a SOAP response to an indented outline that pins what WSC depends on (element order,
 * namespace URIs, attributes, values) while masking what changes between runs: ids, timestamps,
 * session ids, cursor ids and error ids. Whitespace between elements is ignored.
 */
final class XmlNormalizer {

  private static final Pattern ID18 =
      Pattern.compile("^(00Q|003|001|005|00D|00e|01g)[A-Za-z0-9]{12}[A-Z0-5]{3}$");
  private static final Pattern LOCATOR = Pattern.compile("^01g[A-Za-z0-9]{15}-(\\d+)$");
  private static final Pattern DATETIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  private static final Pattern BASE_URL = Pattern.compile("^http://127\\.0\\.0\\.1:\\d+");
  private static final Pattern SESSION = Pattern.compile("^00D[A-Za-z0-9]{12}![A-Za-z0-9._]+$");

  private XmlNormalizer() {}

  static String normalize(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Element root =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement();
      StringBuilder out = new StringBuilder();
      write(root, 0, out);
      return out.toString();
    } catch (Exception e) {
      throw new IllegalArgumentException("not XML: " + xml, e);
    }
  }

  private static void write(Element element, int depth, StringBuilder out) {
    out.append("  ".repeat(depth))
        .append('{')
        .append(element.getNamespaceURI() == null ? "" : element.getNamespaceURI())
        .append('}')
        .append(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      if ("http://www.w3.org/2000/xmlns/".equals(attr.getNamespaceURI())) {
        continue;
      }
      out.append(" {")
          .append(attr.getNamespaceURI())
          .append('}')
          .append(attr.getLocalName())
          .append("=\"")
          .append(attr.getValue())
          .append('"');
    }
    boolean hasElements = false;
    StringBuilder text = new StringBuilder();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        hasElements = true;
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(n.getNodeValue());
      }
    }
    if (!hasElements) {
      if (!text.isEmpty()) {
        out.append(" = ").append(mask(text.toString()).replace("\n", "\\n"));
      }
      out.append('\n');
      return;
    }
    out.append('\n');
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        write(child, depth + 1, out);
      }
    }
  }

  private static String mask(String value) {
    if (ID18.matcher(value).matches()) {
      return "<id " + value.substring(0, 3) + ">";
    }
    var locator = LOCATOR.matcher(value);
    if (locator.matches()) {
      return "<locator>-" + locator.group(1);
    }
    if (SESSION.matcher(value).matches()) {
      return "<session id>";
    }
    String masked = DATETIME.matcher(value).replaceAll("<datetime>");
    masked = BASE_URL.matcher(masked).replaceFirst("<base url>");
    return masked.replaceAll(
        "ErrorId if you contact support: \\S+", "ErrorId if you contact support: <error id>");
  }
}
