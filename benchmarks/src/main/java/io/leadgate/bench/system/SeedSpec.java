package io.leadgate.bench.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emulator org specs (the seed JSON of salesforce-emulator's README) holding the seeded people: a
 * third as Contacts, the rest as Leads, owned in turn by the org's three sales users. The limit is
 * far above what a run spends, so the budget stays in BLUE mode and the numbers measure batching,
 * not the cap. User ids are {@code userIdPrefix} (12 characters) + the org's number + 2 characters.
 */
final class SeedSpec {

  static final long DAILY_API_LIMIT = 50_000_000L;

  private SeedSpec() {}

  static Map<String, Object> org(
      String orgId15,
      String name,
      String clientId,
      String clientSecret,
      String userIdPrefix,
      int number,
      List<Person> people) {
    Map<String, Object> org = new LinkedHashMap<>();
    org.put("orgId", orgId15);
    org.put("name", name);
    org.put("clientId", clientId);
    org.put("clientSecret", clientSecret);
    org.put("dailyApiLimit", DAILY_API_LIMIT);
    String userKey = userIdPrefix.toLowerCase() + number;
    List<Map<String, Object>> users = new ArrayList<>();
    users.add(
        user(userIdPrefix + number + "IN", "Leadgate", "Integration", "integration", userKey));
    users.get(0).put("integrationUser", true);
    List<String> owners = new ArrayList<>();
    String[][] sellers = {{"Jane", "Roe"}, {"Sam", "Seller"}, {"Ana", "Lima"}};
    for (int k = 0; k < sellers.length; k++) {
      String id = userIdPrefix + number + "U" + (k + 1);
      owners.add(id);
      users.add(user(id, sellers[k][0], sellers[k][1], sellers[k][0].toLowerCase(), userKey));
    }
    org.put("users", users);
    List<Map<String, Object>> leads = new ArrayList<>();
    List<Map<String, Object>> contacts = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      Map<String, Object> record = new LinkedHashMap<>();
      put(record, "FirstName", p.firstName());
      put(record, "LastName", p.lastName());
      put(record, "Email", p.email());
      put(record, "Phone", p.phone());
      put(record, "Title", p.title());
      put(record, "LinkedIn_URL__c", p.linkedinUrl());
      record.put("OwnerId", owners.get(i % owners.size()));
      if (i % 3 == 0) {
        contacts.add(record);
      } else {
        record.put("Company", p.company());
        leads.add(record);
      }
    }
    Map<String, Object> records = new LinkedHashMap<>();
    records.put("Lead", leads);
    records.put("Contact", contacts);
    org.put("records", records);
    return org;
  }

  private static Map<String, Object> user(
      String id, String first, String last, String login, String orgKey) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("firstName", first);
    user.put("lastName", last);
    user.put("email", login + "@" + orgKey + ".example");
    user.put("username", login + "@" + orgKey + ".example");
    return user;
  }

  private static void put(Map<String, Object> record, String field, String value) {
    if (value != null) {
      record.put(field, value);
    }
  }
}
