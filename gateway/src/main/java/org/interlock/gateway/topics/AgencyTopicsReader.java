package org.interlock.gateway.topics;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.exchange.OrganisationDirectory;
import org.interlock.gateway.feeds.FeedLog;

/**
 * The one reader of the agency topics on each replica (its own consumer group, from the
 * beginning), for every view built from them: caseloads, the partner organisations, the feed
 * log. One fetch and one deserialisation per record instead of one per view; whole polls at a
 * time, because per-record messages, tracing and CloudEvent parsing cost most of a core at 1,000
 * events/s. (The exchange reads the same topics under a group of its own: it commits offsets.)
 */
@ApplicationScoped
public class AgencyTopicsReader {

    private final AllocationCaseload caseload;
    private final OrganisationDirectory organisations;
    private final FeedLog feed;

    public AgencyTopicsReader(AllocationCaseload caseload, OrganisationDirectory organisations, FeedLog feed) {
        this.caseload = caseload;
        this.organisations = organisations;
        this.feed = feed;
    }

    @Incoming("agency-events")
    public void read(ConsumerRecords<String, String> records) {
        caseload.apply(records);
        organisations.apply(records);
        feed.read(records);
    }
}
