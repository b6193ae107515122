package org.interlock.bench;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Fills the agency topics for the views start-up bench: a fixed state (each of {@code persons}
 * referred by probation, accepted by horizon-mentoring and allocated a caseworker: three records
 * on the state topics per person, written once) and {@code history} events on the events topics
 * (receptions, release dates and licence conditions, as the exchange bench's mix). The gateway's
 * views read the state topics whole and the events topics only within the feed log's retention,
 * so its start-up should follow the first number, not the second.
 *
 * <p>Arguments: kafka bootstrap, history events to add, persons whose state to write (0: none).
 * Prints the seconds it took to stderr.
 */
public final class HistoryLoad {

    private static final String ORGANISATION = "horizon-mentoring";
    private static final List<String> SCOPE = List.of("custody.release", "licence.conditions");
    private static final List<String> PURPOSES = List.of("resettlement");

    public static void main(String[] args) {
        String kafka = args[0];
        long history = Long.parseLong(args[1]);
        int persons = Integer.parseInt(args[2]);
        long begin = System.nanoTime();
        try (KafkaProducer<String, String> producer = BenchEvent.producer(kafka)) {
            if (persons > 0) {
                ExchangeLoad.sendWithState(producer, BenchEvent.organisationRegistered(ORGANISATION), ORGANISATION);
            }
            for (int i = 0; i < persons; i++) {
                String person = person(i);
                String referral = UUID.randomUUID().toString();
                String allocation = UUID.randomUUID().toString();
                ExchangeLoad.sendWithState(producer,
                        BenchEvent.referralMade(referral, person, ORGANISATION, SCOPE, PURPOSES), referral);
                ExchangeLoad.sendWithState(producer, BenchEvent.referralAccepted(referral, person, ORGANISATION,
                        "hana.horizon", "mia.mentor", SCOPE, PURPOSES), referral);
                ExchangeLoad.sendWithState(producer,
                        BenchEvent.partnerAllocation(allocation, person, "mia.mentor", "hana.horizon"), allocation);
            }
            for (long i = 0; i < history; i++) {
                String person = person((int) (i % 100_000));
                int kind = (int) (i % 10);
                producer.send((kind < 4 ? BenchEvent.reception(person)
                        : kind < 7 ? BenchEvent.releaseDateSet(person) : BenchEvent.licenceCondition(person)).record());
            }
            producer.flush();
        }
        System.err.printf("history: %,d events and the state of %,d persons written in %.1f s%n", history, persons,
                (System.nanoTime() - begin) / 1e9);
    }

    private static String person(int i) {
        return "urn:interlock:person:" + UUID.nameUUIDFromBytes(("views-" + i).getBytes());
    }
}
