package org.interlock.gateway.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.Agency;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.gateway.topics.StateView;
import org.interlock.policy.Referral;
import org.interlock.policy.Referrals;
import org.interlock.policy.views.ReferralRegister;

/**
 * The referrals of persons to partner organisations, from the state topics of the agencies that
 * make them (prisons, probation: a referral made, until it is withdrawn, expires or is declined)
 * and of the organisations that answer them (partners: a referral accepted, until it ends), ADR
 * 0012. A partner organisation works with a person only inside one that is accepted and in force
 * (ADR 0011): an acceptance counts only from the partners' topic, whatever the referrer's says.
 */
@ApplicationScoped
public class ReferralView implements Referrals, StateView {

    private static final String REFERRAL = "referral";
    private static final String ANSWER = "partner.referral";

    private final ReferralRegister register = new ReferralRegister();

    @Override
    public List<Referral> inForce(String person, String organisation, Instant at) {
        return register.inForce(person, organisation, at);
    }

    @Override
    public Optional<Referral> find(String id) {
        return register.find(id);
    }

    @Override
    public void put(AgencyEvent state) {
        String category = state.category().name();
        JsonNode data = state.data();
        String id = data.path("id").asText();
        if (REFERRAL.equals(category) && isReferrer(state.origin())) {
            if (state.type().endsWith(".made.v1")) {
                register.made(id, state.person(), data.path("organisation").asText(), texts(data.path("categories")),
                        texts(data.path("purposes")), LocalDate.parse(data.path("endsOn").asText()),
                        data.path("referredBy").asText(null));
            } else {
                register.ended(id);
            }
        } else if (ANSWER.equals(category) && state.origin() == Agency.PARTNERS) {
            if (state.type().endsWith(".accepted.v1")) {
                register.accepted(id);
            } else {
                register.ended(id);
            }
        }
    }

    /** A referral's tombstone, from the referrer or from the organisation: it has ended (for good). */
    @Override
    public void remove(Agency origin, String category, String id) {
        if (REFERRAL.equals(category) && isReferrer(origin) || ANSWER.equals(category) && origin == Agency.PARTNERS) {
            register.ended(id);
        }
    }

    private static boolean isReferrer(Agency origin) {
        return origin == Agency.PROBATION || origin == Agency.PRISONS;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
