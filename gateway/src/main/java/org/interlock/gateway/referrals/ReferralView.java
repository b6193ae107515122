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
import org.interlock.policy.Referral;
import org.interlock.policy.Referrals;
import org.interlock.policy.views.ReferralRegister;

/**
 * The referrals of persons to partner organisations, from the events of the agencies that make
 * them (prisons, probation: made, withdrawn, expired) and of the organisations that answer them
 * (partners: accepted, declined). A partner organisation works with a person only inside one
 * that is accepted and in force (ADR 0011).
 */
@ApplicationScoped
public class ReferralView implements Referrals {

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

    /** An event read from the agency topics (from {@code AgencyTopicsReader}). */
    public void apply(AgencyEvent event) {
        String category = event.category().name();
        JsonNode data = event.data();
        String id = data.path("id").asText();
        if (REFERRAL.equals(category) && (event.origin() == Agency.PROBATION || event.origin() == Agency.PRISONS)) {
            if (event.type().endsWith(".made.v1")) {
                register.made(id, event.person(), data.path("organisation").asText(), texts(data.path("categories")),
                        texts(data.path("purposes")), LocalDate.parse(data.path("endsOn").asText()),
                        data.path("referredBy").asText(null));
            } else {
                register.ended(id);
            }
        } else if (ANSWER.equals(category) && event.origin() == Agency.PARTNERS) {
            if (event.type().endsWith(".accepted.v1")) {
                register.accepted(id);
            } else if (event.type().endsWith(".declined.v1")) {
                register.ended(id);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
