package org.interlock.agency.allocation;

import org.interlock.contracts.Agency;

/** The member of staff responsible for a person in each agency. */
public enum AllocationRole {
    OFFENDER_MANAGER(Agency.PRISONS),
    PROBATION_PRACTITIONER(Agency.PROBATION),
    INTELLIGENCE_OFFICER(Agency.INTELLIGENCE),
    PARTNER_CASEWORKER(Agency.PARTNERS);

    private final Agency agency;

    AllocationRole(Agency agency) {
        this.agency = agency;
    }

    public Agency agency() {
        return agency;
    }
}
