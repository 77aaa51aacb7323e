package io.leadgate.faultcampaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free loopback ports, so that a campaign never collides with another run on the machine. */
final class Ports {

  // A port is free only until someone binds it: the kernel may offer a port again as soon as the
  // probe closes it, before the process it was meant for has bound it (two instances were once
  // given the same port, and the second never started). So no port is handed out twice.
  private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

  private Ports() {}

  static int free() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (handedOut.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
