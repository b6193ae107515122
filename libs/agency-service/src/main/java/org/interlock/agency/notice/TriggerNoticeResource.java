package org.interlock.agency.notice;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/**
 * Review-trigger notices addressed to the caller: {@code /api/v1/review-triggers?addressee=me}
 * (services built with interlock.review-trigger-notices=true, the statutory agencies whose staff
 * lead cases). The gateway still decides on each notice it releases.
 */
@Path("/api/v1/review-triggers")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "interlock.review-trigger-notices", stringValue = "true")
public class TriggerNoticeResource {

    private final TriggerNotices notices;

    public TriggerNoticeResource(TriggerNotices notices) {
        this.notices = notices;
    }

    /** The newest notices naming the caller among their addressees, at most 200. */
    @GET
    public Uni<List<TriggerNoticeView>> addressedToMe(@QueryParam("addressee") @NotNull
            @Pattern(regexp = "me", message = "must be me (the caller, never a name)") String addressee) {
        return notices.addressedToCaller();
    }
}
