package org.interlock.e2e.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced shell or JavaScript block of the README, where it stands, and — if the README says so
 * right before it, with {@code <!-- not run by ReadmeSnippetsTest: why -->} — why it is not run.
 * Other fences (mermaid, plain text, output samples) are not snippets.
 */
record ReadmeSnippet(int line, String section, Language language, String code, Optional<String> notRunBecause) {

    enum Language {
        BASH, JAVASCRIPT
    }

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*not run by ReadmeSnippetsTest:\\s*(.*?)\\s*-->\\s*$");

    /** Every snippet of the file, in order. */
    static List<ReadmeSnippet> in(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<ReadmeSnippet> snippets = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                section = line.replaceFirst("^#+\\s*", "");
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                continue;
            }
            int end = closingFence(lines, i);
            Optional<Language> language = language(fence.group(1));
            if (language.isPresent()) {
                snippets.add(new ReadmeSnippet(i + 1, section, language.get(),
                        String.join("\n", lines.subList(i + 1, end)) + "\n", marker(lines, i)));
            }
            i = end;
        }
        return snippets;
    }

    /** Whether the code mentions {@code text} (a path, a command). */
    boolean mentions(String text) {
        return code.contains(text);
    }

    /** How a report names it: its line, its section and its first line of code. */
    String title() {
        String first = code.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return "README.md:" + line + " (" + section + ") " + first;
    }

    private static int closingFence(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        throw new IllegalStateException("README.md:" + (open + 1) + ": a code block is never closed");
    }

    private static Optional<Language> language(String info) {
        return switch (info) {
            case "bash", "sh", "shell" -> Optional.of(Language.BASH);
            case "javascript", "js" -> Optional.of(Language.JAVASCRIPT);
            default -> Optional.empty();
        };
    }

    /** The marker on the last non-blank line before the fence, if that line is one. */
    private static Optional<String> marker(List<String> lines, int fence) {
        for (int j = fence - 1; j >= 0; j--) {
            if (!lines.get(j).isBlank()) {
                Matcher marker = NOT_RUN.matcher(lines.get(j).strip());
                return marker.matches() ? Optional.of(marker.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
