package org.interlock.partners.received;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.partners.PartnersEvents;

/**
 * Erases an organisation's copies named by an erasure notice and confirms it, in the caller's
 * transaction: the deletion and its confirmation event commit together or not at all. Only the
 * addressed organisation's copies about the notice's person are touched, never another's.
 */
@ApplicationScoped
public class ErasureService {

    private final Outbox outbox;

    public ErasureService(Outbox outbox) {
        this.outbox = outbox;
    }

    Uni<ErasureConfirmation> erase(ErasureNotice notice) {
        return ReceivedEventService.knownRecipient(notice.organisation())
                .chain(() -> heldCopies(notice))
                .call(ErasureService::delete)
                .map(copies -> ErasureConfirmation.of(notice, erasedInNoticeOrder(notice, copies)))
                .call(confirmation -> outbox.append(
                        DomainEvent.of(PartnersEvents.ERASURE_CONFIRMED, notice.person(), confirmation)));
    }

    private static Uni<List<ReceivedEvent>> heldCopies(ErasureNotice notice) {
        if (notice.events().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ReceivedEvent.<ReceivedEvent>list("organisation = ?1 and person = ?2 and sourceEventId in ?3",
                notice.organisation(), notice.person(), notice.events());
    }

    /**
     * Deletes the copies and empties their content in the inbox's own record of them, which keeps
     * the raw payload: the record itself stays, so that a late redelivery is still recognised as
     * already received instead of storing the erased copy again.
     */
    static Uni<Void> delete(List<ReceivedEvent> copies) {
        if (copies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = copies.stream().map(copy -> copy.copyId).toList();
        return ReceivedEvent.delete("copyId in ?1", ids)
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("UPDATE inbox_event SET payload = '{}' WHERE id IN (?1)")
                        .setParameter(1, ids)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static List<String> erasedInNoticeOrder(ErasureNotice notice, List<ReceivedEvent> copies) {
        Set<String> erased = copies.stream().map(copy -> copy.sourceEventId).collect(Collectors.toSet());
        return notice.events().stream().filter(erased::contains).distinct().toList();
    }
}
