package org.interlock.gateway.feeds;

import org.interlock.gateway.exchange.AgencyEvent;

/** An agency event as the feeds hold it: where it is in its topic ("prisons.2", 123), and what it is. */
public record FeedEntry(String partition, long offset, AgencyEvent event) {
}
