package org.interlock.partners.catalogue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.catalogue.CatalogueConformanceTest;

/** The partners catalogue is true to what the service serves and publishes. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class CatalogueTest extends CatalogueConformanceTest {

    @Override
    protected Agency agency() {
        return Agency.PARTNERS;
    }
}
