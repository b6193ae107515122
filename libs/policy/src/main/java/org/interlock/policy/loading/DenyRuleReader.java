package org.interlock.policy.loading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.Action;
import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.Recipient;

/** Reads one {@code deny:} entry. */
final class DenyRuleReader {

    static final Set<String> KEYS = Set.of("id", "reason", "from", "to", "categories", "purposes", "actions", "roles",
            "exceptAddressee");

    private final PolicyVocabulary vocabulary;
    private final KnownPeers peers;

    DenyRuleReader(PolicyVocabulary vocabulary, KnownPeers peers) {
        this.vocabulary = vocabulary;
        this.peers = peers;
    }

    DenyRule read(YamlMapping entry, Scalar id) throws PolicyException {
        entry.allowOnly(KEYS);
        PolicyTerms terms = new PolicyTerms(entry, peers);
        Optional<Scalar> from = entry.optionalText("from");
        Agency origin = from.isPresent() ? terms.agency(from.get()) : null;
        List<Recipient> to = new ArrayList<>();
        for (Scalar recipient : entry.texts("to")) {
            to.add(terms.recipient(recipient));
        }
        if (entry.texts("categories").isEmpty()) {
            throw entry.error(entry.line(), "deny rule needs a non-empty 'categories' list (* for all)");
        }
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Scalar action : entry.texts("actions")) {
            actions.add(terms.action(action));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Scalar role : entry.texts("roles")) {
            roles.add(role.value());
        }
        Optional<Scalar> exceptAddressee = entry.optionalText("exceptAddressee");
        boolean sparesAddressee = exceptAddressee.isPresent() && terms.bool(exceptAddressee.get());
        return new DenyRule(id.value(), origin, to, vocabulary.categoryPatterns(entry.texts("categories")),
                vocabulary.purposes(entry.texts("purposes")), actions, roles, sparesAddressee,
                entry.text("reason").value());
    }
}
