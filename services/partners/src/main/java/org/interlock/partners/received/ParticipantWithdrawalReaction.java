package org.interlock.partners.received;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.InboxHandler;
import org.interlock.agency.inbox.UnprocessableEvent;

/**
 * A participant in an intervention this organisation delivers withdrew their consent to take part
 * (ADR 0017): the copies of their details it received are erased, as an erasure notice erases (the
 * copy's content in the inbox's own record too), in the inbox's transaction. The withdrawal itself,
 * which no longer names them, is kept like any copy. Only this organisation's copies about this
 * person's intervention are touched.
 */
@ApplicationScoped
public class ParticipantWithdrawalReaction implements InboxHandler {

    private static final List<String> WITHDRAWN = List.of(
            "org.interlock.prisons.intervention.participant-consent-withdrawn.v1",
            "org.interlock.probation.intervention.participant-consent-withdrawn.v1");
    private static final List<String> RECORDED = List.of(
            "org.interlock.prisons.intervention.participant-recorded.v1",
            "org.interlock.probation.intervention.participant-recorded.v1");

    private final ObjectMapper json;

    public ParticipantWithdrawalReaction(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handles(String type) {
        return WITHDRAWN.contains(type);
    }

    @Override
    public Uni<Void> handle(InboxEvent event) {
        RoutedCopy withdrawal = RoutedCopy.of(event);
        String participant = event.data().path("id").asText(null);
        if (participant == null) {
            throw new UnprocessableEvent("participant withdrawal without the participant's id");
        }
        return ReceivedEvent.<ReceivedEvent>list("organisation = ?1 and person = ?2 and type in ?3",
                        withdrawal.organisation(), withdrawal.person(), RECORDED)
                .map(copies -> copies.stream().filter(copy -> participant.equals(id(copy))).toList())
                .chain(ErasureService::delete);
    }

    private String id(ReceivedEvent copy) {
        try {
            JsonNode data = json.readTree(copy.data);
            return data.path("id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
