package org.interlock.agency.referral;

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
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Referrals to partner organisations: {@code /api/v1/referrals} (services built with interlock.referrals=true). */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "interlock.referrals", stringValue = "true")
public class ReferralResource {

    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    @POST
    @ResponseStatus(201)
    public Uni<ReferralView> refer(@Valid @NotNull ReferralRequests.Make request) {
        return referrals.refer(request);
    }

    @GET
    public Uni<List<ReferralView>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return referrals.ofPerson(person);
    }

    @GET
    @Path("/{id}")
    public Uni<ReferralView> find(@PathParam("id") UUID id) {
        return referrals.find(id);
    }

    @POST
    @Path("/{id}/withdraw")
    public Uni<ReferralView> withdraw(@PathParam("id") UUID id, @Valid @NotNull ReferralRequests.Withdraw request) {
        return referrals.withdraw(id, request);
    }
}
