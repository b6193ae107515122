package org.interlock.probation.conference;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A case conference about a person, chaired by probation: who meets when, who is invited, what was minuted. */
@Entity
@Table(name = "conference")
public class Conference extends PanacheEntityBase {

    public enum Status { CONVENED, CANCELLED }

    @Id
    public UUID id;

    public String person;

    @Column(name = "meets_at")
    public OffsetDateTime meetsAt;

    public String chair;

    /** Usernames, space-separated (a username has no space). */
    public String invitees;

    /** Agencies and {@code org:<id>} organisations, space-separated. */
    public String organisations;

    public String purpose;

    @Column(name = "convened_by")
    public String convenedBy;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "cancelled_reason")
    public String cancelledReason;

    public String minutes;

    @Column(name = "minutes_recorded_at")
    public OffsetDateTime minutesRecordedAt;

    static String join(List<String> values) {
        return String.join(" ", values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
    }
}
