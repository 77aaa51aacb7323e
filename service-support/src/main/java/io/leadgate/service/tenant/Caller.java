package io.leadgate.service.tenant;

/** The authenticated caller of a Leadgate HTTP API. */
public sealed interface Caller {

  /** Whether this caller may see the given org's data. */
  boolean mayAccessOrg(String orgId);

  /** A rep's extension, acting for its team. */
  record TeamMember(Tenant tenant) implements Caller {
    @Override
    public boolean mayAccessOrg(String orgId) {
      return tenant.orgId().equals(orgId);
    }
  }

  /** The team's admin: everything a member may do, plus budget settings. */
  record TeamAdmin(Tenant tenant) implements Caller {
    @Override
    public boolean mayAccessOrg(String orgId) {
      return tenant.orgId().equals(orgId);
    }
  }

  /** Another Leadgate service. */
  record Service() implements Caller {
    @Override
    public boolean mayAccessOrg(String orgId) {
      return true;
    }
  }
}
