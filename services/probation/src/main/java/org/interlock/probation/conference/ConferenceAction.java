package org.interlock.probation.conference;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An action a conference assigned to an agency or organisation (and perhaps a named member of its staff). */
@Entity
@Table(name = "conference_action")
public class ConferenceAction extends PanacheEntityBase {

    public enum Status { OPEN, OVERDUE, DONE }

    @Id
    public UUID id;

    @Column(name = "conference_id")
    public UUID conferenceId;

    public String person;

    /** {@code prisons}, {@code probation}, {@code intelligence} or {@code org:<id>}. */
    public String owner;

    public String assignee;

    public String description;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "assigned_by")
    public String assignedBy;

    public String outcome;
}
