package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sforce.soap.partner.ChildRelationship;
import com.sforce.soap.partner.DescribeGlobalResult;
import com.sforce.soap.partner.DescribeGlobalSObjectResult;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.PicklistEntry;
import com.sforce.soap.partner.SoapType;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.ws.ConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** describeSObject and describeGlobal through the unmodified WSC PartnerConnection. */
class DescribeTest {

  private EmulatorFixture fixture;
  private PartnerConnection conn;

  @BeforeEach
  void start() {
    fixture =
        new EmulatorFixture(
            OrgSpec.of("Test Org", "test-client", "test-secret")
                .withDailyApiLimit(1000)
                .withCustomFields(
                    List.of(
                        new CustomFieldSpec(
                            "Account", "Tier__c", "Tier", "Number", 0, false, false, false),
                        new CustomFieldSpec(
                            "Lead", "Opted_In__c", "Opted In", "Checkbox", 0, false, false, false),
                        CustomFieldSpec.text("Lead", "Notes__c", 2000))));
    conn = fixture.connect();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static Map<String, Field> fields(DescribeSObjectResult result) {
    return Arrays.stream(result.getFields())
        .collect(Collectors.toMap(Field::getName, Function.identity()));
  }

  @Test
  void describeLeadObjectAndStandardFields() throws ConnectionException {
    DescribeSObjectResult lead = conn.describeSObject("Lead");

    assertThat(lead.getName()).isEqualTo("Lead");
    assertThat(lead.getLabel()).isEqualTo("Lead");
    assertThat(lead.getLabelPlural()).isEqualTo("Leads");
    assertThat(lead.getKeyPrefix()).isEqualTo("00Q");
    assertThat(lead.isCreateable()).isTrue();
    assertThat(lead.isUpdateable()).isTrue();
    assertThat(lead.isQueryable()).isTrue();
    assertThat(lead.isSearchable()).isTrue();
    assertThat(lead.isRetrieveable()).isTrue();
    assertThat(lead.isCustom()).isFalse();
    assertThat(lead.getAssociateEntityType()).isNull();
    assertThat(lead.getUrlNew()).endsWith("/00Q/e");
    assertThat(lead.getRecordTypeInfos()).hasSize(1);
    assertThat(lead.getRecordTypeInfos()[0].isMaster()).isTrue();
    assertThat(lead.getRecordTypeInfos()[0].getRecordTypeId()).isEqualTo("012000000000000AAA");
    assertThat(lead.getFields()[0].getName()).isEqualTo("Id");

    Map<String, Field> f = fields(lead);
    Field id = f.get("Id");
    assertThat(id.getType()).isEqualTo(FieldType.id);
    assertThat(id.getSoapType()).isEqualTo(SoapType.ID);
    assertThat(id.getLength()).isEqualTo(0);
    assertThat(id.getByteLength()).isEqualTo(18);
    assertThat(id.isNillable()).isFalse();
    assertThat(id.isCreateable()).isFalse();
    assertThat(id.isIdLookup()).isTrue();
    assertThat(id.isDefaultedOnCreate()).isTrue();

    Field lastName = f.get("LastName");
    assertThat(lastName.getType()).isEqualTo(FieldType.string);
    assertThat(lastName.getSoapType()).isEqualTo(SoapType.string);
    assertThat(lastName.getLength()).isEqualTo(80);
    assertThat(lastName.getLabel()).isEqualTo("Last Name");
    assertThat(lastName.isNillable()).isFalse();
    assertThat(lastName.isCreateable()).isTrue();
    assertThat(lastName.isUpdateable()).isTrue();
    assertThat(lastName.isCustom()).isFalse();
    assertThat(lastName.isFilterable()).isTrue();

    Field name = f.get("Name");
    assertThat(name.isNameField()).isTrue();
    assertThat(name.isCreateable()).isFalse();
    assertThat(name.isUpdateable()).isFalse();

    assertThat(f.get("Email").getType()).isEqualTo(FieldType.email);
    assertThat(f.get("Email").isIdLookup()).isTrue();
    assertThat(f.get("Email").isNillable()).isTrue();
    assertThat(f.get("Phone").getType()).isEqualTo(FieldType.phone);
    assertThat(f.get("Website").getType()).isEqualTo(FieldType.url);
    assertThat(f.get("CreatedDate").getType()).isEqualTo(FieldType.datetime);
    assertThat(f.get("CreatedDate").getSoapType()).isEqualTo(SoapType.dateTime);

    Field converted = f.get("IsConverted");
    assertThat(converted.getType()).isEqualTo(FieldType._boolean);
    assertThat(converted.getSoapType()).isEqualTo(SoapType._boolean);
    assertThat(converted.isNillable()).isFalse();
    assertThat(converted.isDefaultedOnCreate()).isTrue();
    assertThat(converted.getDefaultValue()).isEqualTo(Boolean.FALSE);

    Field status = f.get("Status");
    assertThat(status.getType()).isEqualTo(FieldType.picklist);
    assertThat(status.isDefaultedOnCreate()).isTrue();
    assertThat(status.isRestrictedPicklist()).isFalse();
    assertThat(Arrays.stream(status.getPicklistValues()).map(PicklistEntry::getValue))
        .containsExactly(
            "Open - Not Contacted",
            "Working - Contacted",
            "Closed - Converted",
            "Closed - Not Converted");
    assertThat(status.getPicklistValues()[0].isDefaultValue()).isTrue();
    assertThat(status.getPicklistValues()[1].isDefaultValue()).isFalse();
    assertThat(status.getPicklistValues()[1].isActive()).isTrue();
    assertThat(f.get("LeadSource").getPicklistValues()).hasSize(5);

    // Lead owners may be users or queues.
    Field owner = f.get("OwnerId");
    assertThat(owner.getType()).isEqualTo(FieldType.reference);
    assertThat(owner.getReferenceTo()).containsExactly("Group", "User");
    assertThat(owner.getRelationshipName()).isEqualTo("Owner");
    assertThat(owner.isPolymorphicForeignKey()).isTrue();
    assertThat(owner.isNamePointing()).isTrue();
    assertThat(owner.isDefaultedOnCreate()).isTrue();

    assertThat(f.get("Email").getReferenceTo()).isEmpty();
    assertThat(f.get("Email").getRelationshipName()).isNull();
  }

  @Test
  void describeIncludesTheOrgsCustomFields() throws ConnectionException {
    Map<String, Field> f = fields(conn.describeSObject("Lead"));

    Field key = f.get("Leadgate_Person_Key__c");
    assertThat(key.isCustom()).isTrue();
    assertThat(key.getType()).isEqualTo(FieldType.string);
    assertThat(key.getLength()).isEqualTo(100);
    assertThat(key.getByteLength()).isEqualTo(300);
    assertThat(key.getLabel()).isEqualTo("Leadgate Person Key");
    assertThat(key.isUnique()).isTrue();
    assertThat(key.isExternalId()).isTrue();
    assertThat(key.isCaseSensitive()).isFalse();
    assertThat(key.isIdLookup()).isTrue();
    assertThat(key.isNillable()).isTrue();
    assertThat(key.isCreateable()).isTrue();
    assertThat(key.isUpdateable()).isTrue();
    assertThat(key.isFilterable()).isTrue();

    Field linkedIn = f.get("LinkedIn_URL__c");
    assertThat(linkedIn.isCustom()).isTrue();
    assertThat(linkedIn.getType()).isEqualTo(FieldType.url);
    assertThat(linkedIn.getLength()).isEqualTo(255);
    assertThat(linkedIn.isUnique()).isFalse();
    assertThat(linkedIn.isExternalId()).isFalse();
    assertThat(linkedIn.isIdLookup()).isFalse();

    Field optedIn = f.get("Opted_In__c");
    assertThat(optedIn.getType()).isEqualTo(FieldType._boolean);
    assertThat(optedIn.getDefaultValue()).isEqualTo(Boolean.FALSE);
    assertThat(optedIn.isNillable()).isFalse();

    Field notes = f.get("Notes__c");
    assertThat(notes.getLength()).isEqualTo(2000);
    assertThat(notes.isFilterable()).isTrue();

    assertThat(fields(conn.describeSObject("Contact"))).containsKeys("Leadgate_Person_Key__c");
    Field tier = fields(conn.describeSObject("Account")).get("Tier__c");
    assertThat(tier.getType()).isEqualTo(FieldType._double);
    assertThat(tier.getSoapType()).isEqualTo(SoapType._double);
    assertThat(tier.getPrecision()).isEqualTo(18);
    assertThat(tier.getLength()).isZero();
  }

  @Test
  void customFieldsArePerOrg() throws ConnectionException {
    EmulatedOrg other = fixture.emulator.createOrg(OrgSpec.of("Other Org", "other", "secret"));
    Map<String, Object> token = fixture.token(other.clientId(), other.clientSecret());
    PartnerConnection otherConn =
        fixture.connect((String) token.get("access_token"), (String) token.get("instance_url"));

    Map<String, Field> otherLead = fields(otherConn.describeSObject("Lead"));
    assertThat(otherLead).containsKeys("LinkedIn_URL__c", "Leadgate_Person_Key__c");
    assertThat(otherLead).doesNotContainKeys("Opted_In__c", "Notes__c");
    assertThat(fields(otherConn.describeSObject("Account"))).doesNotContainKey("Tier__c");
    assertThat(fields(conn.describeSObject("Lead"))).containsKeys("Opted_In__c", "Notes__c");
  }

  @Test
  void describeContactAccountAndUser() throws ConnectionException {
    DescribeSObjectResult contact = conn.describeSObject("contact");
    assertThat(contact.getName()).isEqualTo("Contact");
    assertThat(contact.getKeyPrefix()).isEqualTo("003");
    Field accountId = fields(contact).get("AccountId");
    assertThat(accountId.getReferenceTo()).containsExactly("Account");
    assertThat(accountId.getRelationshipName()).isEqualTo("Account");
    assertThat(accountId.isPolymorphicForeignKey()).isFalse();
    assertThat(fields(contact).get("OwnerId").getReferenceTo()).containsExactly("User");

    DescribeSObjectResult account = conn.describeSObject("Account");
    assertThat(account.getKeyPrefix()).isEqualTo("001");
    assertThat(account.getLabelPlural()).isEqualTo("Accounts");
    Field accountName = fields(account).get("Name");
    assertThat(accountName.isNameField()).isTrue();
    assertThat(accountName.isCreateable()).isTrue();
    assertThat(accountName.isNillable()).isFalse();
    assertThat(fields(account).get("Industry").getPicklistValues()).isNotEmpty();
    ChildRelationship contacts =
        Arrays.stream(account.getChildRelationships())
            .filter(r -> "Contacts".equals(r.getRelationshipName()))
            .findFirst()
            .orElseThrow();
    assertThat(contacts.getChildSObject()).isEqualTo("Contact");
    assertThat(contacts.getField()).isEqualTo("AccountId");

    DescribeSObjectResult user = conn.describeSObject("User");
    assertThat(user.getKeyPrefix()).isEqualTo("005");
    // The emulator does not let the API write users.
    assertThat(user.isCreateable()).isFalse();
    assertThat(user.isUpdateable()).isFalse();
    assertThat(user.isQueryable()).isTrue();
    Map<String, Field> userFields = fields(user);
    assertThat(userFields.get("Username").isIdLookup()).isTrue();
    assertThat(userFields.get("Email").isCreateable()).isFalse();
    assertThat(userFields).doesNotContainKey("Leadgate_Person_Key__c");
    assertThat(user.getChildRelationships())
        .extracting(ChildRelationship::getChildSObject)
        .contains("Lead", "Contact", "Account");
  }

  @Test
  void unknownTypeIsAnInvalidSObjectFault() {
    InvalidSObjectFault fault =
        catchThrowableOfType(
            InvalidSObjectFault.class, () -> conn.describeSObject("Opportunity__x"));
    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE);
    assertThat(fault.getExceptionMessage()).contains("Opportunity__x");
  }

  @Test
  void describeCallsAreCountedApiCalls() throws ConnectionException {
    long before = fixture.org.apiCallsInWindow();
    conn.describeSObject("Lead");
    catchThrowableOfType(InvalidSObjectFault.class, () -> conn.describeSObject("Nope"));
    conn.describeGlobal();

    assertThat(fixture.org.apiCallsInWindow()).isEqualTo(before + 3);
    List<CallLogEntry> log = fixture.org.callLog();
    assertThat(log.subList(log.size() - 3, log.size()))
        .extracting(CallLogEntry::operation, CallLogEntry::counted, CallLogEntry::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("describeSObject", true, "ok"),
            org.assertj.core.groups.Tuple.tuple("describeSObject", true, "INVALID_TYPE"),
            org.assertj.core.groups.Tuple.tuple("describeGlobal", true, "ok"));
  }

  @Test
  void describeGlobalListsTheEmulatedObjects() throws ConnectionException {
    DescribeGlobalResult global = conn.describeGlobal();

    assertThat(global.getEncoding()).isEqualTo("UTF-8");
    assertThat(global.getMaxBatchSize()).isEqualTo(200);
    assertThat(global.getSobjects())
        .extracting(DescribeGlobalSObjectResult::getName)
        .containsExactly("Lead", "Contact", "Account", "User");
    DescribeGlobalSObjectResult lead = global.getSobjects()[0];
    assertThat(lead.getKeyPrefix()).isEqualTo("00Q");
    assertThat(lead.getLabelPlural()).isEqualTo("Leads");
    assertThat(lead.isCreateable()).isTrue();
    assertThat(global.getSobjects()[3].isCreateable()).isFalse();
  }
}
