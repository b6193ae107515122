package org.interlock.partners.referral;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.interlock.partners.organisation.Organisation;
import org.interlock.partners.web.SingleValued;

/** Referrals made to partner organisations, and their answers: {@code /api/v1/referrals}. */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerReferralResource {

    private final PartnerReferralService referrals;

    public PartnerReferralResource(PartnerReferralService referrals) {
        this.referrals = referrals;
    }

    /**
     * One organisation's referrals, of one person or (without {@code person}: what its partner
     * manager has to answer) of everyone; each parameter once. The gateway decides on each one.
     */
    @GET
    public Uni<List<PartnerReferralView>> held(
            @QueryParam("organisation") @NotNull
            @Pattern(regexp = Organisation.ID_REGEX, message = "must be an organisation id") String organisation,
            @QueryParam("person")
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @Context UriInfo uri) {
        SingleValued.require(uri, "organisation", "person");
        return referrals.held(organisation, person);
    }

    @GET
    @Path("/{id}")
    public Uni<PartnerReferralView> find(@PathParam("id") UUID id) {
        return referrals.find(id);
    }

    @POST
    @Path("/{id}/accept")
    public Uni<PartnerReferralView> accept(@PathParam("id") UUID id, @Valid @NotNull ReferralAnswers.Accept request) {
        return referrals.accept(id, request);
    }

    /** Declining takes nothing but who acts: a body, if any, is not read. */
    @POST
    @Path("/{id}/decline")
    public Uni<PartnerReferralView> decline(@PathParam("id") UUID id) {
        return referrals.decline(id);
    }
}
