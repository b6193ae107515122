package org.interlock.agency.intervention;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One session of an intervention the agency delivers itself, attended or missed. */
@Entity
@Table(name = "intervention_session")
public class InterventionSession extends PanacheEntityBase {

    /** Whether the person came, as supervision appointments say it. */
    public enum Attendance {
        ATTENDED, MISSED_ACCEPTABLE, MISSED_UNACCEPTABLE
    }

    @Id
    public UUID id;

    public UUID intervention;

    @Column(name = "session_on")
    public LocalDate sessionOn;

    @Enumerated(EnumType.STRING)
    public Attendance attendance;

    @Column(name = "recorded_by")
    public String recordedBy;
}
