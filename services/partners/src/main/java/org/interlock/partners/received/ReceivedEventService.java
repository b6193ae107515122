package org.interlock.partners.received;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.partners.organisation.Organisation;
import org.interlock.platform.problem.ProblemException;

/** Keeps the copies routed to partner organisations and lets each organisation read its own. */
@ApplicationScoped
public class ReceivedEventService {

    private final ObjectMapper json;

    public ReceivedEventService(ObjectMapper json) {
        this.json = json;
    }

    /** Stores a routed copy in the inbox's transaction; a copy for an organisation not registered here is refused. */
    Uni<Void> store(RoutedCopy copy) {
        ReceivedEvent received = new ReceivedEvent();
        received.copyId = copy.copyId();
        received.organisation = copy.organisation();
        received.person = copy.person();
        received.type = copy.type();
        received.sourceEventId = copy.sourceEventId();
        received.consent = copy.consent();
        received.classification = copy.classification();
        received.data = copy.data();
        received.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return knownRecipient(copy.organisation())
                .chain(() -> received.persist())
                .replaceWithVoid();
    }

    /** The copies one organisation holds about one person, oldest first. */
    @WithSession
    public Uni<List<ReceivedEventView>> held(String organisation, String person) {
        return Organisation.<Organisation>findById(organisation)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No organisation " + organisation))
                .chain(() -> ReceivedEvent.<ReceivedEvent>list(
                        "organisation = ?1 and person = ?2 order by receivedAt, copyId", organisation, person))
                .map(list -> list.stream().map(this::view).toList());
    }

    /** Fails the inbox event, to the dead-letter topic, when the organisation is not registered here. */
    static Uni<Organisation> knownRecipient(String organisation) {
        return Organisation.<Organisation>findById(organisation)
                .onItem().ifNull().failWith(() -> new UnprocessableEvent("recipient is not an organisation of this service"));
    }

    private ReceivedEventView view(ReceivedEvent received) {
        try {
            return new ReceivedEventView(received.copyId, received.organisation, received.person, received.type,
                    received.sourceEventId, received.consent, received.classification, received.receivedAt,
                    json.readTree(received.data));
        } catch (IOException e) {
            // The column is jsonb, filled from data the inbox already parsed: this cannot happen.
            throw new UncheckedIOException(e);
        }
    }
}
