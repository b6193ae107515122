package org.interlock.gateway.topics;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.feeds.FeedLog;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.referrals.ReferralView;
import org.interlock.gateway.restrictions.RestrictionView;

/**
 * The one reader of the agency topics on each replica (its own consumer group, from the
 * beginning), for every view built from them: caseloads, the partner organisations, referrals,
 * restrictions, the feed log. Each record is read and checked once ({@link AgencyEvents}) and handed to every view;
 * whole polls at a time, because per-record messages and tracing cost most of a core at 1,000
 * events/s. A record that does not pass is left out of every view (the exchange dead-letters it).
 * (The exchange reads the same topics under a group of its own: it commits offsets.)
 */
@ApplicationScoped
public class AgencyTopicsReader {

    private final AgencyEvents events;
    private final AllocationCaseload caseload;
    private final OrganisationDirectory organisations;
    private final ReferralView referrals;
    private final RestrictionView restrictions;
    private final FeedLog feed;

    public AgencyTopicsReader(AgencyEvents events, AllocationCaseload caseload, OrganisationDirectory organisations,
            ReferralView referrals, RestrictionView restrictions, FeedLog feed) {
        this.events = events;
        this.caseload = caseload;
        this.organisations = organisations;
        this.referrals = referrals;
        this.restrictions = restrictions;
        this.feed = feed;
    }

    @Incoming("agency-events")
    public void read(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (events.read(record.topic(), record.headers(), record.value()) instanceof AgencyEvents.Valid valid) {
                AgencyEvent event = valid.event();
                caseload.apply(event);
                organisations.apply(event);
                referrals.apply(event);
                restrictions.apply(event);
                feed.append(record.topic(), record.partition(), record.offset(), record.serializedValueSize(), event);
            }
            if (OrganisationDirectory.PARTNERS_EVENTS.equals(record.topic())) {
                organisations.passed(record.partition(), record.offset());
            }
        }
    }
}
