package org.interlock.prisons.custody;

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

/** A person's time in custody, from reception to release; at most one is open per person. */
@Entity
@Table(name = "custody_episode")
public class CustodyEpisode extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    @Column(name = "prison_number")
    public String prisonNumber;

    public String establishment;

    @Enumerated(EnumType.STRING)
    public CustodyStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "security_category")
    public SecurityCategory securityCategory;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "release_date")
    public LocalDate releaseDate;

    @Column(name = "released_on")
    public LocalDate releasedOn;

    @Version
    public int version;
}
