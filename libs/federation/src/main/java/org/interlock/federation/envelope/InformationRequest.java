package org.interlock.federation.envelope;

/**
 * What makes an envelope a request for information: the requester's id for it (both audit logs name it), the
 * purpose, how urgent it is and why. A request without a justification is not a request.
 */
public record InformationRequest(String id, String purpose, Urgency urgency, String justification) {

    public InformationRequest {
        if (id == null || id.isBlank() || purpose == null || purpose.isBlank()
                || justification == null || justification.isBlank() || urgency == null) {
            throw new IllegalArgumentException(
                    "a request for information needs an id, a purpose, an urgency and a justification");
        }
    }
}
