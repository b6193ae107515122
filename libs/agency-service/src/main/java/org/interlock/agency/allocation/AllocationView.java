package org.interlock.agency.allocation;

import java.time.LocalDate;
import java.util.UUID;

/** An allocation as the API and its events show it; {@code allocatedBy} is who made it. */
public record AllocationView(UUID id, String person, String staff, AllocationRole role, LocalDate startsOn,
        LocalDate endsOn, String allocatedBy) {

    static AllocationView of(Allocation a) {
        return new AllocationView(a.id, a.person, a.staff, a.role, a.startsOn, a.endsOn, a.allocatedBy);
    }
}
