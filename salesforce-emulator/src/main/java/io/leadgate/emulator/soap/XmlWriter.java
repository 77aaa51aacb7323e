package io.leadgate.emulator.soap;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming XML writer. Written by hand rather than with StAX so that the prefixes and
 * namespace declarations match Salesforce's envelopes exactly and empty elements self-close.
 */
final class XmlWriter {

  private final StringBuilder out = new StringBuilder(1024);
  private final Deque<String> open = new ArrayDeque<>();
  private boolean startTagOpen;

  XmlWriter() {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }

  XmlWriter start(String name) {
    closeStartTag();
    out.append('<').append(name);
    open.push(name);
    startTagOpen = true;
    return this;
  }

  XmlWriter attr(String name, String value) {
    if (!startTagOpen) {
      throw new IllegalStateException("attribute outside a start tag");
    }
    out.append(' ').append(name).append("=\"");
    escape(value, true);
    out.append('"');
    return this;
  }

  XmlWriter text(String value) {
    closeStartTag();
    escape(value, false);
    return this;
  }

  XmlWriter end() {
    String name = open.pop();
    if (startTagOpen) {
      out.append("/>");
      startTagOpen = false;
    } else {
      out.append("</").append(name).append('>');
    }
    return this;
  }

  /** Writes {@code <name>value</name>}, or a nil element when the value is null. */
  XmlWriter element(String name, Object value) {
    if (value == null) {
      return nil(name);
    }
    return start(name).text(value.toString()).end();
  }

  XmlWriter nil(String name) {
    return start(name).attr("xsi:nil", "true").end();
  }

  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }

  private void closeStartTag() {
    if (startTagOpen) {
      out.append('>');
      startTagOpen = false;
    }
  }

  private void escape(String value, boolean attribute) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\r' -> out.append("&#13;");
        default -> {
          // XML 1.0 cannot carry other control characters at all, not even as references.
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
  }
}
