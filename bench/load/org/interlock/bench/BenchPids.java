package org.interlock.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The processes of the bench's stack by name, from BENCH_PIDS ("gateway=123,broker=45,..."). */
final class BenchPids {

    private BenchPids() {
    }

    static Map<String, Long> all() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : System.getenv().getOrDefault("BENCH_PIDS", "").split(",")) {
            String[] nameAndPid = pair.split("=");
            if (nameAndPid.length == 2 && !nameAndPid[1].isBlank()) {
                pids.put(nameAndPid[0].trim(), Long.parseLong(nameAndPid[1].trim()));
            }
        }
        return pids;
    }
}
