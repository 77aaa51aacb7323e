package io.leadgate.bench;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import io.leadgate.salesforce.soql.Soql;
import java.util.List;
import java.util.Locale;

/**
 * The one-lead-at-a-time duplicate check Leadgate replaces, as the benchmarks' yardstick: query
 * Lead by e-mail, then Contact, fetch the owner of a match, and create the lead when none was
 * found. Every step is one Salesforce call.
 */
public final class NaiveChecker {

  private final PartnerConnection connection;

  public NaiveChecker(PartnerConnection connection) {
    this.connection = connection;
  }

  /** Query Lead, query Contact, fetch the owner: true when the e-mail's person exists. */
  public boolean exists(String email) throws ConnectionException {
    String literal = Soql.quote(email.strip().toLowerCase(Locale.ROOT));
    for (String object : List.of("Lead", "Contact")) {
      QueryResult result =
          connection.query("SELECT Id, OwnerId FROM " + object + " WHERE Email = " + literal);
      if (result.getSize() > 0) {
        SObject record = result.getRecords()[0];
        connection.query(
            "SELECT Name, Email FROM User WHERE Id = "
                + Soql.quote((String) record.getField("OwnerId")));
        return true;
      }
    }
    return false;
  }

  /** Checks and, when the person is new, creates one Lead: what the naive tool does per capture. */
  public boolean checkAndCreate(String firstName, String lastName, String company, String email)
      throws ConnectionException {
    if (exists(email)) {
      return true;
    }
    SObject lead = new SObject("Lead");
    if (firstName != null) {
      lead.setField("FirstName", firstName);
    }
    lead.setField("LastName", lastName);
    lead.setField("Company", company);
    lead.setField("Email", email.strip());
    connection.create(new SObject[] {lead});
    return false;
  }
}
