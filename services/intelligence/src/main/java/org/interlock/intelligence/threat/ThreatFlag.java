package org.interlock.intelligence.threat;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A flag that a person presents a current threat of a given kind, until it is cleared. */
@Entity
@Table(name = "threat_flag")
public class ThreatFlag extends PanacheEntityBase {

    public enum Kind { ATTACK_PLANNING, RADICALISING_OTHERS, TRAVEL, WEAPONS_INTEREST, OTHER }

    @Id
    public UUID id;

    public String person;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "raised_on")
    public LocalDate raisedOn;

    @Column(name = "cleared_on")
    public LocalDate clearedOn;

    @Version
    public int version;
}
