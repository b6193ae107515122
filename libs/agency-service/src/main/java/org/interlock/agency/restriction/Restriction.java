package org.interlock.agency.restriction;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * This agency's records about a person kept for the named members of staff only: everyone else,
 * break-glass users and analysts included, is refused them at the gateway while it is in force.
 */
@Entity
@Table(name = "restriction")
public class Restriction extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    /** Comma-separated usernames of the staff who keep access. */
    public String staff;

    public String reason;

    @Column(name = "imposed_by")
    public String imposedBy;

    @Column(name = "imposed_on")
    public LocalDate imposedOn;

    @Column(name = "lifted_on")
    public LocalDate liftedOn;

    @Enumerated(EnumType.STRING)
    public RestrictionStatus status;

    @Version
    public int version;

    static List<String> split(String joined) {
        return Arrays.asList(joined.split(","));
    }
}
