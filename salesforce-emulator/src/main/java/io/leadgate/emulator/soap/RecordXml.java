package io.leadgate.emulator.soap;

import io.leadgate.emulator.soql.RowNode;

/** Writes query rows as Partner API sObjects. */
final class RecordXml {

  private RecordXml() {}

  /**
   * Writes one sObject: {@code type}, the fixed {@code Id} slot, then the selected fields in SELECT
   * order; scalars carry no xsi:type so WSC hands them to callers as strings.
   */
  static void write(XmlWriter xml, String element, RowNode row) {
    xml.start(element).attr("xsi:type", "sf:sObject");
    xml.element("sf:type", row.type());
    xml.element("sf:Id", row.id());
    for (RowNode.Field field : row.fields()) {
      if (field.value() instanceof RowNode parent) {
        write(xml, "sf:" + field.name(), parent);
      } else {
        xml.element("sf:" + field.name(), field.value());
      }
    }
    xml.end();
  }
}
