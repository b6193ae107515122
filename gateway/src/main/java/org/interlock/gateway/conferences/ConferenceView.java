package org.interlock.gateway.conferences;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.Agency;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.gateway.topics.StateView;
import org.interlock.policy.Conference;
import org.interlock.policy.Conferences;
import org.interlock.policy.views.ConferenceRegister;
import org.jboss.logging.Logger;

/**
 * The case conferences, from probation's state topic (ADR 0012, 0016): convened, until cancelled.
 * Probation chairs them; a conference on any other agency's topic opens nothing. The invitees are
 * the usernames the convening act named, which the gateway decided on when it was written (the
 * convener held the authority, every invitee was known staff).
 */
@ApplicationScoped
public class ConferenceView implements Conferences, StateView {

    private static final Logger LOG = Logger.getLogger(ConferenceView.class);
    static final String CONFERENCE = "conference";

    private final ConferenceRegister register = new ConferenceRegister();

    @Override
    public List<Conference> about(String person) {
        return register.about(person);
    }

    @Override
    public void put(AgencyEvent state) {
        if (!CONFERENCE.equals(state.category().name()) || state.origin() != Agency.PROBATION) {
            return;
        }
        JsonNode data = state.data();
        String id = data.path("id").asText();
        // Probation ends a conference with a tombstone (remove below); a state that says it is
        // cancelled must still never open one.
        if ("CANCELLED".equals(data.path("status").asText())) {
            register.cancelled(id);
            return;
        }
        try {
            register.convened(new Conference(id, List.of(state.person()), Instant.parse(data.path("meetsAt").asText()),
                    data.path("chair").asText(null), usernames(data.path("invitees")), false));
        } catch (DateTimeParseException e) {
            // A schema-checked event cannot get here; if one did, it opens nothing.
            LOG.warnf("conference %s has no meeting time it can be opened by; ignored", id);
        }
    }

    @Override
    public void remove(Agency origin, String category, String id) {
        if (CONFERENCE.equals(category) && origin == Agency.PROBATION) {
            register.cancelled(id);
        }
    }

    private static Set<String> usernames(JsonNode array) {
        Set<String> usernames = new HashSet<>();
        array.forEach(node -> usernames.add(node.asText()));
        return usernames;
    }
}
