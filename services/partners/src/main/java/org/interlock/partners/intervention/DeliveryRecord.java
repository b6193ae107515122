package org.interlock.partners.intervention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A session or the outcome of an intervention, as the organisation that delivers it records it and
 * its events carry it (category partner.intervention): which intervention of which arranging agency
 * ({@code origin}), taken from the copy the organisation received, never from the request.
 */
public record DeliveryRecord(UUID id, UUID intervention, String person, String organisation, String origin,
        String kind, LocalDate sessionOn, DeliveryRequests.Attendance attendance, DeliveryRequests.Outcome outcome,
        LocalDate endedOn, String notes, String recordedBy) {
}
