package org.interlock.gateway.federation.requests;

import java.util.Set;

import org.interlock.gateway.federation.Federation;

/**
 * Who may do what with requests for information (ADR 0021). Officers of the statutory agencies ask, as the realm
 * names them (offender managers, probation officers, intelligence officers): the Directive is about law
 * enforcement, so partner caseworkers, analysts and auditors do not. The single point of contact is a role of its
 * own, {@code federation-spoc}: holding it is what lets someone see every incoming request and answer for this
 * deployment, whatever their agency.
 */
public final class RequestRoles {

    public static final String OFFENDER_MANAGER = "offender-manager";
    public static final String PROBATION_OFFICER = "probation-officer";
    public static final String INTELLIGENCE_OFFICER = "intelligence-officer";
    public static final String SPOC = Federation.SPOC_ROLE;

    static final Set<String> OFFICERS = Set.of(OFFENDER_MANAGER, PROBATION_OFFICER, INTELLIGENCE_OFFICER);

    private RequestRoles() {
    }
}
