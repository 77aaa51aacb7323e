package io.leadgate.emulator;

/**
 * How an org's standard duplicate rules act on create and update.
 *
 * <ul>
 *   <li>{@link #OFF}: no duplicate rules run (findDuplicates finds nothing);
 *   <li>{@link #ALERT}: "Allow" rules with an alert: a duplicate is refused with
 *       DUPLICATES_DETECTED unless the DuplicateRuleHeader says allowSave=true;
 *   <li>{@link #BLOCK}: a duplicate is always refused.
 * </ul>
 */
public enum DuplicateRuleMode {
  OFF,
  ALERT,
  BLOCK
}
