package io.leadgate.faultcampaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One prospect of a team's pool; many captures of the same person run concurrently. Names and
 * companies differ enough that Leadgate's fuzzy name+company match never takes one person of the
 * pool for another: every person must end up with exactly one record of their own.
 */
record Person(
    String teamId, int index, String firstName, String lastName, String email, String company) {

  private static final String[] FIRST = {
    "Ada",
    "Boris",
    "Chiara",
    "Dmitri",
    "Elif",
    "Farouk",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jomo",
    "Kalani",
    "Lorcan",
    "Mireille",
    "Nnamdi",
    "Oksana",
    "Pilar",
    "Quentin",
    "Rasmus",
    "Sunniva",
    "Tadeusz",
    "Ulrike",
    "Vikram",
    "Wanjiru",
    "Xiomara",
    "Yusuf",
    "Zofia"
  };
  private static final String[] LAST = {
    "Abernathy",
    "Bergstrom",
    "Castellanos",
    "Dubois",
    "Eriksen",
    "Fitzgerald",
    "Gonzaga",
    "Hakimi",
    "Ivanova",
    "Jablonski",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Pettersen",
    "Quispe",
    "Rosenthal",
    "Szabo",
    "Takahashi",
    "Umarov",
    "Valdivia",
    "Whitcombe",
    "Xenakis",
    "Yamamoto",
    "Zielinski"
  };
  private static final String[] COMPANY = {
    "Acorn Dynamics", "Bluefin Logistics", "Cobalt Ridge", "Driftwood Labs", "Ember Foods",
    "Fjord Analytics", "Granite Mutual", "Harbor Pixel", "Ironleaf Energy", "Juniper Textiles",
    "Kestrel Aviation", "Lumen Dental", "Marigold Travel", "Nimbus Freight", "Orchid Pharma",
    "Pinecone Robotics", "Quarry Media", "Redwood Optics", "Saffron Hotels", "Tidewater Mining",
    "Umber Studios", "Vantage Seeds", "Willow Insurance", "Xylem Audio", "Yarrow Clinics",
    "Zephyr Bikes"
  };

  static List<Person> pool(String teamId, int size) {
    if (size > FIRST.length) {
      throw new IllegalArgumentException("at most " + FIRST.length + " persons per team");
    }
    List<Person> persons = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String first = FIRST[i];
      String last = LAST[(i * 7 + 3) % LAST.length];
      persons.add(
          new Person(
              teamId,
              i,
              first,
              last,
              first.toLowerCase(Locale.ROOT)
                  + "."
                  + last.toLowerCase(Locale.ROOT)
                  + "@"
                  + teamId
                  + "-"
                  + i
                  + ".example",
              COMPANY[(i * 11 + 5) % COMPANY.length]));
    }
    return persons;
  }

  /** The key records are grouped by: the e-mail as Salesforce compares it. */
  String emailKey() {
    return email.toLowerCase(Locale.ROOT);
  }
}
