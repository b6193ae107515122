package org.interlock.partners.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A partner organisation, known by the same id as the {@code org} claim of its staff's tokens.
 * A suspended organisation receives nothing and may report nothing.
 */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    /** What an organisation id looks like, e.g. {@code horizon-mentoring}. */
    public static final String ID_REGEX = "[a-z0-9][a-z0-9-]{1,62}";

    public enum Kind { MENTORING, FAITH, FAMILY_SUPPORT, HOUSING, EMPLOYMENT, LOCAL_AUTHORITY, OTHER }

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Version
    public int version;

    /** Organisation events are about the organisation, not a person. */
    public String subject() {
        return "urn:interlock:organisation:" + id;
    }
}
