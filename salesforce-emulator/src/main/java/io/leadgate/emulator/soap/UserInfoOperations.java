package io.leadgate.emulator.soap;

import io.leadgate.emulator.org.OrgState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** getUserInfo, and the userInfo block of a login result. */
final class UserInfoOperations {

  private UserInfoOperations() {}

  static SoapOperation getUserInfo(Duration sessionTimeout) {
    return (request, session, body) -> {
      body.start("getUserInfoResponse");
      writeUserInfo(body, "result", session.org(), session.userId(), sessionTimeout);
      body.end();
    };
  }

  /** Writes a GetUserInfoResult in the WSDL's element order. */
  static void writeUserInfo(
      XmlWriter body, String element, OrgState org, String userId, Duration sessionTimeout) {
    Map<String, Object> user =
        org.locked(
            () -> org.store().byId(userId).<Map<String, Object>>map(HashMap::new).orElse(Map.of()));
    body.start(element);
    body.element("accessibilityMode", false);
    body.element("chatterExternal", false);
    body.element("currencySymbol", "$");
    body.element("orgAttachmentFileSizeLimit", 5242880);
    body.element("orgDefaultCurrencyIsoCode", "USD");
    body.element("orgDefaultCurrencyLocale", "en_US");
    body.element("orgDisallowHtmlAttachments", false);
    body.element("orgHasPersonAccounts", false);
    body.element("organizationId", org.orgId());
    body.element("organizationMultiCurrency", false);
    body.element("organizationName", org.name());
    body.element("profileId", org.profileId());
    body.nil("roleId");
    body.element("sessionSecondsValid", sessionTimeout.toSeconds());
    body.nil("userDefaultCurrencyIsoCode");
    body.element("userEmail", user.get("Email"));
    body.element("userFullName", user.get("Name"));
    body.element("userId", userId);
    body.element("userLanguage", "en_US");
    body.element("userLocale", "en_US");
    body.element("userName", user.get("Username"));
    body.element("userTimeZone", "America/Los_Angeles");
    body.element("userType", "Standard");
    body.element("userUiSkin", "Theme3");
    body.end();
  }
}
