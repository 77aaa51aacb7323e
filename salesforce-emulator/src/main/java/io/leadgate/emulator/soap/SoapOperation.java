package io.leadgate.emulator.soap;

import io.leadgate.emulator.oauth.Session;

/** One Partner API operation served for an authenticated session. */
interface SoapOperation {

  /**
   * Writes the operation's response element (e.g. {@code <queryResponse>}) into the Body.
   *
   * @throws SoapFault to answer with a fault instead
   */
  void execute(SoapRequest request, Session session, XmlWriter body);
}
