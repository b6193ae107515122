package org.interlock.policy.loading;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.Governance;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.SharingAgreement;

/**
 * Parses and validates a policy file. Everything that can be wrong with it is reported here, with
 * the file and line, so that a policy in force is always one the engine can evaluate.
 */
public final class PolicyLoader {

    private static final Set<String> KEYS = Set.of("version", "purposes", "categories", "staff", "breakGlass",
            "governance", "agreements", "deny");
    private static final Set<String> GOVERNANCE = Set.of("allocatedBy", "selfAllocation", "referralsAnsweredBy",
            "restrictedBy", "organisationsManagedBy", "conferencesConvenedBy");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final KnownPeers peers;

    /** A loader for a deployment that federates with nobody. */
    public PolicyLoader() {
        this(KnownPeers.NONE);
    }

    /** A loader that accepts {@code federation:<peer>} recipients for the peers {@code peers} anchors. */
    public PolicyLoader(KnownPeers peers) {
        this.peers = peers;
    }

    public Policy load(String file, Reader reader) throws PolicyException {
        YamlMapping root = YamlMapping.parse(file, reader);
        root.allowOnly(KEYS);
        String version = root.text("version").value();
        PolicyVocabulary vocabulary = PolicyVocabulary.read(root);
        Set<String> staffRoles = roles(root, "staff");
        if (staffRoles.isEmpty()) {
            throw root.error(root.line(), "the policy must name its staff roles under 'staff: {roles: [...]}'");
        }
        Set<String> breakGlassRoles = roles(root, "breakGlass");
        List<SharingAgreement> agreements = agreements(root, vocabulary);
        List<DenyRule> denyRules = denyRules(root, vocabulary);
        return new Policy(version, vocabulary.purposes(), vocabulary.categories(), staffRoles, breakGlassRoles,
                agreements, denyRules, governance(root));
    }

    /** Who may grant access: absent, nobody may (allocations, referral answers and restrictions are all refused). */
    private static Governance governance(YamlMapping root) throws PolicyException {
        if (!root.has("governance")) {
            return Governance.NONE;
        }
        YamlMapping section = root.mapping("governance").orElseThrow();
        section.allowOnly(GOVERNANCE);
        return new Governance(listed(section, "allocatedBy"), listed(section, "selfAllocation"),
                listed(section, "referralsAnsweredBy"), listed(section, "restrictedBy"),
                listed(section, "organisationsManagedBy"), listed(section, "conferencesConvenedBy"));
    }

    private static Set<String> listed(YamlMapping section, String key) throws PolicyException {
        Set<String> roles = new LinkedHashSet<>();
        if (section.has(key)) {
            for (Scalar role : section.texts(key)) {
                roles.add(role.value());
            }
        }
        return roles;
    }

    private static Set<String> roles(YamlMapping root, String key) throws PolicyException {
        Set<String> roles = new LinkedHashSet<>();
        if (root.has(key)) {
            YamlMapping section = root.mapping(key).orElseThrow();
            section.allowOnly(Set.of("roles"));
            for (Scalar role : section.texts("roles")) {
                roles.add(role.value());
            }
        }
        return roles;
    }

    private List<SharingAgreement> agreements(YamlMapping root, PolicyVocabulary vocabulary)
            throws PolicyException {
        AgreementReader reader = new AgreementReader(vocabulary, peers);
        Map<String, Integer> seen = new HashMap<>();
        List<SharingAgreement> agreements = new ArrayList<>();
        for (YamlMapping entry : root.mappings("agreements", "agreement")) {
            Scalar id = uniqueId(entry, "agreement", seen);
            agreements.add(reader.read(entry, id));
        }
        return agreements;
    }

    private List<DenyRule> denyRules(YamlMapping root, PolicyVocabulary vocabulary) throws PolicyException {
        DenyRuleReader reader = new DenyRuleReader(vocabulary, peers);
        Map<String, Integer> seen = new HashMap<>();
        List<DenyRule> rules = new ArrayList<>();
        for (YamlMapping entry : root.mappings("deny", "deny rule")) {
            rules.add(reader.read(entry, uniqueId(entry, "deny rule", seen)));
        }
        return rules;
    }

    private static Scalar uniqueId(YamlMapping entry, String kind, Map<String, Integer> seen) throws PolicyException {
        Scalar id = entry.text("id");
        if (!ID.matcher(id.value()).matches()) {
            throw entry.error(id.line(), kind + " id '" + id.value() + "' must be lower-case letters, digits and dashes");
        }
        Integer first = seen.putIfAbsent(id.value(), id.line());
        if (first != null) {
            throw entry.error(id.line(), "duplicate " + kind + " id '" + id.value() + "' (first defined at line " + first + ")");
        }
        return id;
    }
}
