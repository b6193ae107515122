package org.interlock.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * What two gateway replicas on one audit sequence must show (replicas.bench): the exchange's
 * consumer group shares the agency topics' partitions between them, and the audit log is one
 * sequence, which the auditor exports and the offline verifier accepts whole.
 *
 * <p>Arguments: gateway URL, Keycloak URL, Kafka bootstrap, a folder for the export.
 */
public final class ReplicaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplicaCheck() {
    }

    public static void main(String[] args) throws Exception {
        members(args[2]);
        String auditor = Keycloak.persona(args[1], "aud.auditor");
        long size = JSON.readTree(get(args[0] + "/audit/v1/tree-heads/latest", auditor)).path("treeSize").asLong();
        Path folder = Files.createDirectories(Path.of(args[3]));
        Path export = Files.write(folder.resolve("export.ndjson"), get(args[0] + "/audit/v1/export?to=" + size, auditor));
        Files.write(folder.resolve("tree-head.json"), get(args[0] + "/audit/v1/tree-heads/" + size, auditor));
        Files.write(folder.resolve("audit-public-key.pem"), get(args[0] + "/audit/v1/public-key", auditor));
        long lines = Files.lines(export).count();
        System.out.printf("BENCH|audit log after both phases: records in the signed tree head / exported|%d / %d|records|equal%n",
                size, lines);
    }

    /** The exchange group's members and the partitions each holds. */
    private static void members(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("interlock-gateway-exchange"))
                    .all().get().get("interlock-gateway-exchange");
            List<MemberDescription> members = List.copyOf(group.members());
            System.out.printf("BENCH|exchange consumer group: members|%d|replicas|2%n", members.size());
            for (MemberDescription member : members) {
                Map<String, Integer> byTopic = new TreeMap<>();
                member.assignment().topicPartitions().forEach(tp -> byTopic.merge(tp.topic(), 1, Integer::sum));
                System.out.printf("SETTING|exchange member %s on %s holds %s%n", member.clientId(), member.host(), byTopic);
            }
        }
    }

    private static byte[] get(String url, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + response.statusCode());
        }
        return response.body();
    }
}
