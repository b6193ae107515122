package org.interlock.partners.referral;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.agency.referral.ReferralRequests;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.contracts.EventType;
import org.interlock.partners.organisation.Organisation;

/**
 * A copy of a statutory agency's referral event that the exchange routed to the organisation it
 * is made to (the copy's recipient). A copy that names another organisation than its recipient,
 * or lacks what a referral needs, is refused to the dead-letter topic: the organisation must
 * never hold a referral that is not its own, nor half of one.
 */
record ReferralCopy(Kind kind, UUID id, String person, String organisation, String origin, List<String> purposes,
        List<String> categories, LocalDate endsOn) {

    enum Kind { MADE, WITHDRAWN, EXPIRED }

    static final Set<String> ORIGINS = Set.of("prisons", "probation");

    private static final Pattern PURPOSE = Pattern.compile(ReferralRequests.PURPOSE);
    private static final Pattern CATEGORY = Pattern.compile(ReferralRequests.CATEGORY_PATTERN);

    /** The type of the referring agency's event this is a copy of. */
    String type() {
        return "org.interlock." + origin + ".referral." + kind.name().toLowerCase() + ".v1";
    }

    /** Whether the type is a referral event of an agency that makes referrals. */
    static boolean isReferralEvent(String type) {
        return kindOf(type) != null;
    }

    static ReferralCopy of(InboxEvent event) {
        String recipient = event.extension(CloudEventExtensions.RECIPIENT);
        if (recipient == null || !recipient.matches(Organisation.ID_REGEX)) {
            throw new UnprocessableEvent("referral copy without an organisation as recipient");
        }
        JsonNode data = event.data();
        String organisation = data.path("organisation").asText(recipient);
        if (!recipient.equals(organisation)) {
            throw new UnprocessableEvent("referral copy addressed to another organisation than its recipient");
        }
        Kind kind = kindOf(event.type());
        UUID id = uuid(data.path("id").asText(null));
        if (kind != Kind.MADE) {
            return new ReferralCopy(kind, id, event.subject(), recipient, EventType.agencyOf(event.type()).id(), List.of(),
                    List.of(), null);
        }
        return new ReferralCopy(kind, id, event.subject(), recipient, EventType.agencyOf(event.type()).id(),
                texts(data, "purposes", PURPOSE), texts(data, "categories", CATEGORY), date(data, "endsOn"));
    }

    private static Kind kindOf(String type) {
        if (type == null || EventType.agencyOf(type) == null || !ORIGINS.contains(EventType.agencyOf(type).id())) {
            return null;
        }
        String origin = EventType.agencyOf(type).id();
        for (Kind kind : Kind.values()) {
            if (type.equals("org.interlock." + origin + ".referral." + kind.name().toLowerCase() + ".v1")) {
                return kind;
            }
        }
        return null;
    }

    private static UUID uuid(String id) {
        if (id == null) {
            throw new UnprocessableEvent("referral copy without id");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent("referral copy whose id is not a UUID");
        }
    }

    private static List<String> texts(JsonNode data, String field, Pattern shape) {
        JsonNode values = data.path(field);
        if (!values.isArray() || values.isEmpty()) {
            throw new UnprocessableEvent("referral copy without " + field);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isTextual() || !shape.matcher(value.asText()).matches()) {
                throw new UnprocessableEvent("referral copy with " + field + " of the wrong shape");
            }
            texts.add(value.asText());
        }
        return List.copyOf(texts);
    }

    private static LocalDate date(JsonNode data, String field) {
        try {
            return LocalDate.parse(data.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw new UnprocessableEvent("referral copy without " + field);
        }
    }
}
