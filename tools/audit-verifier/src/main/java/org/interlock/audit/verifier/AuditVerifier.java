package org.interlock.audit.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interlock.audit.export.ExportVerdict;
import org.interlock.audit.export.ExportVerifier;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHead;
import org.interlock.audit.head.TreeHeadJson;
import org.interlock.audit.head.TreeHeadVerifier;

/**
 * The offline audit verifier: what an inspectorate runs on an export, a signed tree head and the log's
 * published public key, with nothing else from Interlock. The checking itself is
 * {@link ExportVerifier}; this class reads the files, prints one verdict and sets the exit status.
 */
public final class AuditVerifier {

    static final int VERIFIED = 0;
    static final int TAMPERED = 1;
    static final int UNUSABLE = 2;

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            if (options.help()) {
                out.print(Options.USAGE);
                return VERIFIED;
            }
            return verify(options, stdin, out);
        } catch (Options.UsageException e) {
            err.println("audit-verifier: " + e.getMessage());
            err.println("Try 'java -jar audit-verifier.jar --help'.");
            return UNUSABLE;
        } catch (IOException e) {
            err.println("audit-verifier: cannot read " + e.getMessage());
            return UNUSABLE;
        } catch (IllegalArgumentException e) {
            err.println("audit-verifier: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static int verify(Options options, InputStream stdin, PrintStream out) throws IOException {
        TreeHeadVerifier keys = TreeHeadVerifier.fromConfig(readAll(options.publicKeys()).toArray(String[]::new));
        SignedTreeHead head = TreeHeadJson.decode(Files.readAllBytes(options.treeHead()));
        List<SignedTreeHead> checkpoints = options.checkpoints() == null ? List.of() : checkpoints(options.checkpoints());
        ExportVerdict verdict;
        try (InputStream export = options.export().toString().equals("-") ? stdin : Files.newInputStream(options.export())) {
            verdict = new ExportVerifier(keys).verify(export, head, checkpoints);
        }
        return switch (verdict) {
            case ExportVerdict.Verified verified -> {
                out.println(describe(verified));
                yield VERIFIED;
            }
            case ExportVerdict.Tampered tampered -> {
                out.println("TAMPERED: " + tampered.finding().describe());
                yield TAMPERED;
            }
        };
    }

    private static String describe(ExportVerdict.Verified verified) {
        TreeHead head = verified.head().head();
        String records = verified.records() == 0 ? "an empty log"
                : "records #" + verified.start() + " to #" + (verified.start() + verified.records() - 1)
                + " (" + verified.records() + ")";
        String range = verified.start() > 0
                ? "\n  records before #" + verified.start() + " are not in this export and were not checked" : "";
        return "VERIFIED: " + records + " are exactly the log's records as signed"
                + "\n  tree head: size " + head.treeSize() + ", root " + head.rootHash()
                + ", sealed " + head.timestamp() + ", key " + head.keyId()
                + "\n  signed heads matched: " + verified.checkpointsChecked() + range;
    }

    private static List<String> readAll(List<Path> files) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(Files.readString(file, StandardCharsets.US_ASCII));
        }
        return texts;
    }

    private static List<SignedTreeHead> checkpoints(Path file) throws IOException {
        List<SignedTreeHead> heads = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                heads.add(TreeHeadJson.decode(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return heads;
    }
}
