package org.interlock.partners.received;

import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.partners.organisation.Organisation;

/** A copy routed to a partner organisation, as its envelope describes it; a copy that names no recipient is refused. */
record RoutedCopy(String copyId, String organisation, String person, String type, String sourceEventId,
        String consent, String classification, String data) {

    static RoutedCopy of(InboxEvent event) {
        String recipient = event.extension(RoutingExtensions.RECIPIENT);
        if (recipient == null || recipient.isBlank()) {
            throw new UnprocessableEvent("routed copy without a recipient");
        }
        if (!recipient.matches(Organisation.ID_REGEX)) {
            throw new UnprocessableEvent("recipient is not an organisation id");
        }
        // Without the source event's id the copy could never be found by an erasure notice.
        String sourceEventId = event.extension(RoutingExtensions.SOURCE_EVENT_ID);
        if (sourceEventId == null || sourceEventId.isBlank()) {
            throw new UnprocessableEvent("routed copy without a sourceeventid");
        }
        return new RoutedCopy(event.id(), recipient, event.subject(), event.type(), sourceEventId,
                event.extension(RoutingExtensions.CONSENT), event.classification(), event.rawData());
    }
}
