package org.interlock.gateway.audit.api;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.ConsistencyProof;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.audit.proofs.LogProofs;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.audit.store.AuditStoreUnavailable;
import org.interlock.gateway.audit.store.RecordFilter;
import org.interlock.gateway.audit.store.ReviewStore;
import org.interlock.gateway.audit.store.StoredReview;
import org.interlock.gateway.audit.store.StoredRecord;
import org.interlock.gateway.audit.store.TreeHeadStore;
import org.interlock.gateway.audit.store.TreeHeadStore.StoredHead;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.gateway.people.PersonLinksView;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * For auditors only: who saw what about whom, when and why, and the proofs that the answer is the
 * log as it was signed. Auditors are audited too: every answered query is recorded (AUDIT_QUERY)
 * and durable before the answer leaves.
 */
@Path("/audit/v1")
@RolesAllowed("auditor")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    private final AuditStore records;
    private final ReviewStore reviews;
    private final TreeHeadStore heads;
    private final LogProofs proofs;
    private final AuditTrail audit;
    private final CallerPrincipal caller;
    private final TreeHeadSigner signer;
    private final ObjectMapper json;
    private final PersonLinksView links;

    public AuditResource(AuditStore records, ReviewStore reviews, TreeHeadStore heads, LogProofs proofs, AuditTrail audit,
            CallerPrincipal caller, TreeHeadSigner signer, ObjectMapper json, PersonLinksView links) {
        this.records = records;
        this.reviews = reviews;
        this.heads = heads;
        this.proofs = proofs;
        this.audit = audit;
        this.caller = caller;
        this.signer = signer;
        this.json = json;
        this.links = links;
    }

    @GET
    @Path("/records")
    public AuditViews.RecordPage records(@QueryParam("person") String person, @QueryParam("actor") String actor,
            @QueryParam("agency") String agency, @QueryParam("org") String org, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("until") String until,
            @QueryParam("breakGlass") String breakGlass, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit, @HeaderParam("X-Correlation-Id") String correlation) throws SQLException {
        RecordFilter filter = RecordQueryParams.filter(person, actor, agency, org, action, outcome, from, until, breakGlass,
                links);
        long after = RecordQueryParams.cursor(cursor);
        int pageSize = RecordQueryParams.limit(limit);
        recordQuery("records" + describe(filter), filter.person(), correlation);
        return page(records.find(filter, after, pageSize), pageSize);
    }

    @GET
    @Path("/persons/{person}/disclosures")
    public AuditViews.RecordPage disclosures(@PathParam("person") String person, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit, @HeaderParam("X-Correlation-Id") String correlation) throws SQLException {
        // A survivor's disclosures include those of every reference merged into it (ADR 0014).
        RecordFilter filter = RecordFilter.disclosuresOf(links.identities(RecordQueryParams.person(person, "person")));
        long after = RecordQueryParams.cursor(cursor);
        int pageSize = RecordQueryParams.limit(limit);
        recordQuery("disclosures", person, correlation);
        AuditViews.RecordPage page = page(records.find(filter, after, pageSize), pageSize);
        return withReviews(page);
    }

    @GET
    @Path("/tree-heads/latest")
    public Response latestHead(@HeaderParam("X-Correlation-Id") String correlation) throws SQLException {
        StoredHead head = heads.latest().orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No tree head has been signed yet"));
        recordQuery("tree-heads/latest", null, correlation);
        return Response.ok(head.json(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/tree-heads/{size}")
    public Response head(@PathParam("size") String size, @HeaderParam("X-Correlation-Id") String correlation)
            throws SQLException {
        StoredHead head = signedHead(RecordQueryParams.nonNegative(size, "size"));
        recordQuery("tree-heads/" + head.treeSize(), null, correlation);
        return Response.ok(head.json(), MediaType.APPLICATION_JSON).build();
    }

    /** The public key that verifies this gateway's tree heads (PEM). */
    @GET
    @Path("/public-key")
    @Produces("application/x-pem-file")
    public String publicKey(@HeaderParam("X-Correlation-Id") String correlation) {
        recordQuery("public-key", null, correlation);
        return signer.publicKeyPem();
    }

    @GET
    @Path("/proofs/inclusion")
    public AuditViews.InclusionView inclusion(@QueryParam("sequence") String sequence,
            @QueryParam("treeSize") String treeSize, @HeaderParam("X-Correlation-Id") String correlation)
            throws SQLException {
        long index = RecordQueryParams.nonNegative(required(sequence, "sequence"), "sequence");
        StoredHead head = treeSize == null ? latest() : signedHead(RecordQueryParams.nonNegative(treeSize, "treeSize"));
        if (index >= head.treeSize()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Record " + index + " is not under the tree head of size "
                    + head.treeSize() + " (it may not be sealed yet)");
        }
        StoredRecord record = records.record(index).orElseThrow(() ->
                new org.interlock.gateway.audit.store.AuditIntegrityException("record " + index + " is missing from the log"));
        LogProofs.Inclusion proof = proofs.inclusion(record, head);
        recordQuery("proofs/inclusion/" + index + "@" + head.treeSize(), null, correlation);
        return new AuditViews.InclusionView(index, head.treeSize(),
                new String(record.leaf(), java.nio.charset.StandardCharsets.UTF_8), record.leafHash().toHex(),
                hex(proof.proof().path()), tree(head));
    }

    @GET
    @Path("/proofs/consistency")
    public AuditViews.ConsistencyView consistency(@QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam("X-Correlation-Id") String correlation) throws SQLException {
        StoredHead older = signedHead(RecordQueryParams.nonNegative(required(from, "from"), "from"));
        StoredHead newer = to == null ? latest() : signedHead(RecordQueryParams.nonNegative(to, "to"));
        if (older.treeSize() > newer.treeSize()) {
            throw org.interlock.platform.problem.Validation.invalid("from", "must not be larger than to");
        }
        ConsistencyProof proof = proofs.consistency(older, newer);
        recordQuery("proofs/consistency/" + older.treeSize() + "-" + newer.treeSize(), null, correlation);
        return new AuditViews.ConsistencyView(older.treeSize(), newer.treeSize(), hex(proof.path()), tree(older),
                tree(newer));
    }

    /**
     * Records {@code [from, to)} as NDJSON, where {@code to} is the size of a signed head (default: the
     * latest, named in the Interlock-Tree-Head-Size header). Check it offline with that head
     * ({@code GET /audit/v1/tree-heads/{size}}), the public key and tools/audit-verifier.
     */
    @GET
    @Path("/export")
    @Produces(NDJSON)
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam("X-Correlation-Id") String correlation) throws SQLException {
        long start = from == null ? 0 : RecordQueryParams.nonNegative(from, "from");
        StoredHead head = to == null ? latest() : signedHead(RecordQueryParams.nonNegative(to, "to"));
        if (start > head.treeSize()) {
            throw org.interlock.platform.problem.Validation.invalid("from", "must not be beyond the tree head's size "
                    + head.treeSize());
        }
        recordQuery("export/" + start + "-" + head.treeSize(), null, correlation);
        StreamingOutput body = out -> {
            try {
                proofs.export(start, head, out);
            } catch (SQLException e) {
                throw new AuditStoreUnavailable(e);
            }
        };
        return Response.ok(body, NDJSON).header("Interlock-Tree-Head-Size", head.treeSize()).build();
    }

    private void recordQuery(String what, String person, String correlation) {
        audit.recordAndWait(List.of(Evidence.auditQuery(Evidence.actor(caller.principal(), caller.client()), what,
                person, RequestTrace.of(correlation, null))));
    }

    private AuditViews.RecordPage page(List<StoredRecord> found, int pageSize) {
        List<AuditViews.RecordView> views = new ArrayList<>(found.size());
        for (StoredRecord record : found) {
            views.add(new AuditViews.RecordView(record.sequence(), record.leafHash().toHex(), parse(record.leaf())));
        }
        String next = found.size() == pageSize ? Long.toString(found.getLast().sequence()) : null;
        return new AuditViews.RecordPage(views, next);
    }

    /** The break-glass accesses of a page, each with where its review stands. */
    private AuditViews.RecordPage withReviews(AuditViews.RecordPage page) throws SQLException {
        Map<Long, StoredReview> found = reviews.of(page.records().stream().map(AuditViews.RecordView::sequence).toList());
        List<AuditViews.RecordView> views = page.records().stream()
                .map(view -> found.containsKey(view.sequence()) ? new AuditViews.RecordView(view.sequence(),
                        view.leafHash(), view.record(), ReviewViews.state(found.get(view.sequence()))) : view)
                .toList();
        return new AuditViews.RecordPage(views, page.next());
    }

    private StoredHead latest() throws SQLException {
        return heads.latest().orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No tree head has been signed yet"));
    }

    private StoredHead signedHead(long size) throws SQLException {
        return heads.at(size).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No tree head was signed at size " + size));
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw org.interlock.platform.problem.Validation.invalid(field, "is required");
        }
        return value;
    }

    private static String describe(RecordFilter f) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "actor", f.actor());
        add(query, "agency", f.agency());
        add(query, "org", f.org());
        f.actions().forEach(a -> add(query, "action", a.name()));
        add(query, "outcome", f.outcome());
        add(query, "from", f.from());
        add(query, "until", f.until());
        add(query, "breakGlass", f.breakGlass());
        return query.toString();
    }

    private static void add(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + value);
        }
    }

    private static List<String> hex(List<NodeHash> path) {
        return path.stream().map(NodeHash::toHex).toList();
    }

    private JsonNode tree(StoredHead head) {
        return parse(head.json());
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new org.interlock.gateway.audit.store.AuditIntegrityException("a stored entry is not JSON");
        }
    }
}
