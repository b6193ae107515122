package org.interlock.gateway.staff;

import java.util.List;

import io.smallrye.mutiny.Uni;
import org.interlock.policy.StaffMember;

/** Where the staff directory reads every member of staff from, whole, each time. */
interface StaffSource {

    /** Every member of staff; fails (rather than answering part of them) when the source does. */
    Uni<List<StaffMember>> load();
}
