package org.interlock.agency.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A plan handed over at release (category plan.handover): which plan, at which version, from which
 * agency to which. The version is the last the holder published; the receiver continues from it.
 */
public record HandOverView(UUID id, String person, int version, String from, String to, LocalDate handedOverOn) {
}
