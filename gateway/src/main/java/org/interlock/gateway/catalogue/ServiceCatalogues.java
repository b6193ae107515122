package org.interlock.gateway.catalogue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import org.interlock.contracts.Agency;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.CatalogueReader;
import org.interlock.contracts.catalogue.Category;
import org.interlock.policy.loading.PolicyStore;

/**
 * The catalogues of the four agency services, as their builds declare them (copied into the
 * gateway at build time from each service's {@code META-INF/interlock/catalogue/}, ADR 0010).
 * The gateway reaches, decides on and releases nothing that is not in them. A catalogue that does
 * not load, or that names a category the policy does not know, stops the start.
 */
@ApplicationScoped
@Startup
public class ServiceCatalogues {

    static final String FOLDER = "META-INF/interlock/catalogues/";

    private final Map<Agency, Catalogue> catalogues = new EnumMap<>(Agency.class);

    public ServiceCatalogues(PolicyStore policies) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Agency agency : Agency.values()) {
            Catalogue catalogue = CatalogueReader.fromClasspath(agency, loader, FOLDER);
            for (String category : catalogue.categories().keySet()) {
                if (policies.current() != null && !policies.current().categories().contains(category)) {
                    throw new IllegalStateException("The " + agency.id() + " catalogue names category " + category
                            + ", which the policy in force does not declare");
                }
            }
            catalogues.put(agency, catalogue);
        }
    }

    public Catalogue of(Agency agency) {
        return catalogues.get(agency);
    }

    /** The category an agency's catalogue gives an event type; empty for a type it does not declare. */
    public Optional<Category> categoryOfEvent(Agency origin, String type) {
        return catalogues.get(origin).categoryOfEvent(type);
    }
}
