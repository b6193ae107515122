package org.interlock.audit.verifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line, parsed; {@link #parse} throws {@link UsageException} with what is wrong. */
record Options(Path export, Path treeHead, List<Path> publicKeys, Path checkpoints, boolean help) {

    static final String USAGE = """
            Usage: java -jar audit-verifier.jar --export FILE --tree-head FILE --public-key FILE
                                                [--public-key FILE ...] [--checkpoints FILE]

            Verifies, offline, that an Interlock audit export is exactly what the log signed: no record
            altered, removed, reordered or inserted. Names the first bad record and why.

              --export FILE       the export (NDJSON, one record per line), or - for standard input
              --tree-head FILE    the signed tree head (tree-head.json) the export must match
              --public-key FILE   the log's published Ed25519 public key (PEM, or base64 of its DER or raw
                                  32 bytes); repeat for keys used before a rotation
              --checkpoints FILE  optional: earlier signed tree heads, one JSON per line; each is checked
                                  too, and they narrow down where a consistent forgery sits
              --help              this text

            Exit status: 0 verified, 1 tampering found, 2 usage or I/O error.
            """;

    static Options parse(String[] args) {
        Path export = null;
        Path treeHead = null;
        Path checkpoints = null;
        List<Path> publicKeys = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new Options(null, null, List.of(), null, true);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option.startsWith("--") ? option + " needs a value" : "unexpected " + option);
            }
            Path value = Path.of(args[++i]);
            switch (option) {
                case "--export" -> export = once(option, export, value);
                case "--tree-head" -> treeHead = once(option, treeHead, value);
                case "--checkpoints" -> checkpoints = once(option, checkpoints, value);
                case "--public-key" -> publicKeys.add(value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (export == null || treeHead == null || publicKeys.isEmpty()) {
            throw new UsageException("--export, --tree-head and at least one --public-key are required");
        }
        return new Options(export, treeHead, List.copyOf(publicKeys), checkpoints, false);
    }

    private static Path once(String option, Path previous, Path value) {
        if (previous != null) {
            throw new UsageException(option + " given twice");
        }
        return value;
    }

    /** A command line that cannot be run. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
