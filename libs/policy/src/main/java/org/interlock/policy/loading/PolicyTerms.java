package org.interlock.policy.loading;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.language.LegalBasis;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.redaction.RedactionPath;

/** Reads the terms of the policy language from their written form, naming the line of a bad one. */
final class PolicyTerms {

    private final YamlMapping source;
    private final KnownPeers peers;

    PolicyTerms(YamlMapping source, KnownPeers peers) {
        this.source = source;
        this.peers = peers;
    }

    Classification classification(Scalar value) throws PolicyException {
        try {
            return Classification.fromLabel(value.value());
        } catch (IllegalArgumentException e) {
            throw source.error(value.line(), "unknown classification '" + value.value() + "' (one of: "
                    + Arrays.stream(Classification.values()).map(Classification::label).collect(Collectors.joining(", "))
                    + ")");
        }
    }

    Agency agency(Scalar value) throws PolicyException {
        for (Agency agency : Agency.values()) {
            if (agency.id().equals(value.value())) {
                return agency;
            }
        }
        throw source.error(value.line(), "unknown origin agency '" + value.value() + "' (one of: "
                + Arrays.stream(Agency.values()).map(Agency::id).collect(Collectors.joining(", ")) + ")");
    }

    /** A recipient as written; a federation peer must be one of the trust anchors. */
    Recipient recipient(Scalar value) throws PolicyException {
        Recipient recipient;
        try {
            recipient = Recipient.parse(value.value());
        } catch (IllegalArgumentException e) {
            throw source.error(value.line(), e.getMessage());
        }
        if (recipient instanceof Recipient.OfPeer peer && !peers.anchored(peer.peer())) {
            throw source.error(value.line(), "unknown peer '" + peer.peer() + "' in " + peer.id()
                    + ": not among the trust anchors");
        }
        return recipient;
    }

    LegalBasis legalBasis(Scalar value) throws PolicyException {
        try {
            return LegalBasis.parse(value.value());
        } catch (IllegalArgumentException e) {
            throw source.error(value.line(), "malformed " + e.getMessage());
        }
    }

    Action action(Scalar value) throws PolicyException {
        try {
            return Action.fromId(value.value());
        } catch (IllegalArgumentException e) {
            throw source.error(value.line(), "unknown action '" + value.value() + "' (one of: read, write, receive, subscribe)");
        }
    }

    /** A date ({@code 2027-03-31}, midnight UTC) or an instant ({@code 2027-03-31T12:00:00Z}). */
    Instant instant(Scalar value) throws PolicyException {
        try {
            return value.value().length() == 10
                    ? LocalDate.parse(value.value()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value.value());
        } catch (DateTimeParseException e) {
            throw source.error(value.line(), "bad date '" + value.value()
                    + "' (expected yyyy-mm-dd or an ISO-8601 instant such as 2027-03-31T00:00:00Z)");
        }
    }

    /** A non-negative ISO-8601 duration such as {@code P7D} or {@code PT12H}. */
    Duration duration(Scalar value) throws PolicyException {
        try {
            Duration duration = Duration.parse(value.value());
            if (duration.isNegative()) {
                throw source.error(value.line(), "a duration here is not negative: '" + value.value() + "'");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw source.error(value.line(), "bad duration '" + value.value() + "' (ISO-8601, such as P7D or PT12H)");
        }
    }

    boolean bool(Scalar value) throws PolicyException {
        return switch (value.value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw source.error(value.line(), "expected true or false, not '" + value.value() + "'");
        };
    }

    /** A redaction: a JSONPath below the root that names what to remove (see {@link RedactionPath}). */
    String redaction(Scalar value) throws PolicyException {
        try {
            RedactionPath.compile(value.value());
            return value.value();
        } catch (IllegalArgumentException e) {
            throw source.error(value.line(), "invalid JSONPath '" + value.value() + "': " + e.getMessage());
        }
    }

    /** A whitelisted field: a plain dotted path such as {@code $.releaseDate}. */
    String field(Scalar value) throws PolicyException {
        if (!ReleasedFields.isValid(value.value()) || value.value().equals("$")) {
            throw source.error(value.line(), "field '" + value.value()
                    + "' must be a dotted path below the root, such as $.releaseDate");
        }
        return value.value();
    }
}
