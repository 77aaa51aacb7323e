package io.leadgate.contracts;

/**
 * The extension's cloud colour. BLUE: full duplicate reports. GOLDEN: the org is near its cap, so
 * duplicates are still prevented but reported with less detail.
 */
public enum Cloud {
  BLUE,
  GOLDEN
}
