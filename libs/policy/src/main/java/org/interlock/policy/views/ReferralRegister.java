package org.interlock.policy.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.interlock.policy.Referral;
import org.interlock.policy.Referrals;
import org.interlock.policy.language.CategoryPattern;

/**
 * The referrals of persons to partner organisations: made by the statutory lead, accepted or
 * declined by the organisation, withdrawn or expired. Ended is final: a replayed earlier state
 * never brings a referral back. Thread-safe; a question is a hash probe and a short scan.
 */
public final class ReferralRegister implements Referrals {

    private final Map<String, Referral> byId = new ConcurrentHashMap<>();
    /** person + organisation -> referral ids. */
    private final Map<String, List<String>> byPair = new ConcurrentHashMap<>();
    /** Answers that arrived before the referral they answer (the two come from different topics). */
    private final Map<String, Boolean> early = new ConcurrentHashMap<>();

    public synchronized void made(String id, String person, String organisation, List<String> categories,
            List<String> purposes, LocalDate until, String referredBy) {
        if (byId.containsKey(id)) {
            return;
        }
        Boolean answer = early.remove(id);
        byId.put(id, new Referral(id, person, organisation, categories.stream().map(CategoryPattern::new).toList(),
                purposes, until, referredBy, Boolean.TRUE.equals(answer), Boolean.FALSE.equals(answer)));
        byPair.computeIfAbsent(key(person, organisation), k -> new ArrayList<>()).add(id);
    }

    /** The organisation accepted it (only an open referral can be). */
    public synchronized void accepted(String id) {
        Referral referral = byId.get(id);
        if (referral == null) {
            early.putIfAbsent(id, true);
        } else if (!referral.ended()) {
            byId.put(id, with(referral, true, false));
        }
    }

    /** Declined, withdrawn or expired: final. */
    public synchronized void ended(String id) {
        Referral referral = byId.get(id);
        if (referral == null) {
            early.put(id, false);
        } else {
            byId.put(id, with(referral, referral.accepted(), true));
        }
    }

    @Override
    public List<Referral> inForce(String person, String organisation, Instant at) {
        List<String> ids = byPair.get(key(person, organisation));
        if (ids == null) {
            return List.of();
        }
        List<Referral> inForce = new ArrayList<>(1);
        for (String id : List.copyOf(ids)) {
            Referral referral = byId.get(id);
            if (referral != null && referral.inForce(at)) {
                inForce.add(referral);
            }
        }
        return inForce;
    }

    @Override
    public Optional<Referral> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static Referral with(Referral r, boolean accepted, boolean ended) {
        return new Referral(r.id(), r.person(), r.organisation(), r.categories(), r.purposes(), r.until(),
                r.referredBy(), accepted, ended);
    }

    private static String key(String person, String organisation) {
        return person + "|" + organisation;
    }
}
