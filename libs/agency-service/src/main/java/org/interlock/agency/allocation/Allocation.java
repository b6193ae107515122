package org.interlock.agency.allocation;

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

/** A member of staff (by Keycloak username) allocated to a person, from a date, until a date. */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    public String staff;

    @Enumerated(EnumType.STRING)
    public AllocationRole role;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    /** Who made the allocation (null only for allocations made before that was recorded). */
    @Column(name = "allocated_by")
    public String allocatedBy;

    @Version
    public int version;

    public boolean ended() {
        return endsOn != null;
    }
}
