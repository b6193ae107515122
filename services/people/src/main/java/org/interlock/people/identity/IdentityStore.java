package org.interlock.people.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.people.identifier.Identifier;
import org.interlock.people.matching.BlockingKeys;
import org.interlock.people.matching.IdentityRecord;
import org.interlock.people.matching.PersonName;

/**
 * The identity records in PostgreSQL, filed as the in-memory index files them: by identifier and by
 * blocking key, so that the matcher sees the same records whichever holds them.
 */
@ApplicationScoped
public class IdentityStore {

    private static final String RECORDS = """
            SELECT r.id, r.person, r.source_agency, r.given_name, r.family_name, r.aliases, r.date_of_birth,
                   ARRAY(SELECT x.identifier FROM record_identifier x WHERE x.record_id = r.id) AS identifiers
            FROM identity_record r WHERE r.id IN (%s) ORDER BY r.asserted_at, r.id""";

    private final ObjectMapper json;

    public IdentityStore(ObjectMapper json) {
        this.json = json;
    }

    /** The records holding any of the identifiers, oldest first. */
    public Uni<List<IdentityRecord>> sharing(SqlConnection c, List<Identifier> identifiers) {
        if (identifiers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] values = identifiers.stream().map(Identifier::toString).toArray(String[]::new);
        return c.preparedQuery(RECORDS.formatted("SELECT record_id FROM record_identifier WHERE identifier = ANY($1)"))
                .execute(Tuple.of(values)).map(this::records);
    }

    /** The records sharing a blocking key with the record. */
    public Uni<List<IdentityRecord>> candidates(SqlConnection c, IdentityRecord record) {
        String[] keys = BlockingKeys.of(record).toArray(String[]::new);
        if (keys.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery(RECORDS.formatted("SELECT record_id FROM blocking_key WHERE key = ANY($1)"))
                .execute(Tuple.of(keys)).map(this::records);
    }

    /** What each reference resolves to now; a reference the index has never heard of is absent. */
    public Uni<Map<String, String>> roots(SqlConnection c, Collection<String> references) {
        return c.preparedQuery("SELECT reference, coalesce(merged_into, reference) AS root FROM person WHERE reference = ANY($1)")
                .execute(Tuple.of(references.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> roots = new HashMap<>();
                    rows.forEach(row -> roots.put(row.getString("reference"), row.getString("root")));
                    return roots;
                });
    }

    /** Files the record under its person reference (which becomes known if it was not). */
    public Uni<Void> file(SqlConnection c, IdentityRecord record, String assertedBy) {
        PersonName name = record.name();
        Tuple row = Tuple.from(new Object[] {UUID.fromString(record.recordId()), record.person(), record.sourceAgency(),
                name == null ? null : name.given(), name == null ? null : name.family(), aliases(record.aliases()),
                record.dateOfBirth(), assertedBy});
        List<Tuple> identifiers = record.identifiers().stream()
                .map(identifier -> Tuple.of(identifier.toString(), UUID.fromString(record.recordId()))).toList();
        List<Tuple> keys = BlockingKeys.of(record).stream()
                .map(key -> Tuple.of(key, UUID.fromString(record.recordId()))).toList();
        return c.preparedQuery("INSERT INTO person (reference) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(record.person()))
                .chain(() -> c.preparedQuery("""
                        INSERT INTO identity_record (id, person, source_agency, given_name, family_name, aliases,
                                                     date_of_birth, asserted_by)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""").execute(row))
                .chain(() -> batch(c, "INSERT INTO record_identifier (identifier, record_id) VALUES ($1, $2)", identifiers))
                .chain(() -> batch(c, "INSERT INTO blocking_key (key, record_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", keys));
    }

    private static Uni<Void> batch(SqlConnection c, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : c.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private List<IdentityRecord> records(RowSet<Row> rows) {
        List<IdentityRecord> records = new ArrayList<>();
        for (Row row : rows) {
            String given = row.getString("given_name");
            String family = row.getString("family_name");
            records.add(new IdentityRecord(row.getUUID("id").toString(), row.getString("person"),
                    row.getString("source_agency"),
                    List.of(row.getArrayOfStrings("identifiers")).stream().map(Identifier::parse).toList(),
                    given == null && family == null ? null : PersonName.of(given, family),
                    aliases(row.getString("aliases")), row.getLocalDate("date_of_birth")));
        }
        return records;
    }

    private String aliases(List<PersonName> aliases) {
        try {
            return json.writeValueAsString(aliases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aliases cannot be written", e);
        }
    }

    private List<PersonName> aliases(String text) {
        try {
            return json.readValue(text, new TypeReference<List<PersonName>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aliases cannot be read", e);
        }
    }
}
