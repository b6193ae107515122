package org.interlock.policy.loading;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read through SnakeYAML's node tree rather than into objects, because the nodes keep
 * their line numbers: every complaint names the file and line. Strict: unknown and duplicate keys
 * are errors, and values are plain strings that the caller parses.
 */
public final class YamlMapping {

    private final String file;
    private final String what;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMapping(String file, String what, MappingNode node) throws PolicyException {
        this.file = file;
        this.what = what;
        this.node = node;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                throw error(tuple.getKeyNode(), "keys must be plain words");
            }
            if (entries.putIfAbsent(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "'");
            }
        }
    }

    /** The root mapping of a YAML document. */
    public static YamlMapping parse(String file, Reader reader) throws PolicyException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String context = e.getContext() == null || e.getContextMark() == null ? ""
                    : " (" + e.getContext() + " that starts at line " + (e.getContextMark().getLine() + 1) + ")";
            throw new PolicyException(file, line, "not valid YAML: " + e.getProblem() + context);
        } catch (YAMLException e) {
            throw new PolicyException(file, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new PolicyException(file, 1, "the file is empty");
        }
        return of(file, "the file", root);
    }

    static YamlMapping of(String file, String what, Node node) throws PolicyException {
        if (!(node instanceof MappingNode mapping)) {
            throw new PolicyException(file, line(node), what + " must be a mapping of keys to values");
        }
        return new YamlMapping(file, what, mapping);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line(node);
    }

    /** Rejects any key not in {@code allowed}, at the line of the first one. */
    public void allowOnly(Set<String> allowed) throws PolicyException {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw error(entry.getValue().getKeyNode(), "unknown key '" + entry.getKey() + "' in " + what
                        + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** The keys, in the order written (e.g. the fields of an event's data in a test case). */
    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Whether the key holds a mapping (rather than a plain value or a list). */
    public boolean hasMapping(String key) {
        return entries.containsKey(key) && entries.get(key).getValueNode() instanceof MappingNode;
    }

    public Scalar text(String key) throws PolicyException {
        return optionalText(key).orElseThrow(() -> new PolicyException(file, line(), what + " needs '" + key + "'"));
    }

    public Optional<Scalar> optionalText(String key) throws PolicyException {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        return Optional.of(scalar(tuple.getValueNode(), "'" + key + "' in " + what));
    }

    /** A list of plain values; a missing key is an empty list. */
    public List<Scalar> texts(String key) throws PolicyException {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return List.of();
        }
        List<Scalar> values = new ArrayList<>();
        for (Node item : sequence(tuple, key)) {
            values.add(scalar(item, "each item of '" + key + "' in " + what));
        }
        return values;
    }

    public Optional<YamlMapping> mapping(String key) throws PolicyException {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? Optional.empty()
                : Optional.of(of(file, "'" + key + "' in " + what, tuple.getValueNode()));
    }

    /** A list of mappings, each described for messages as {@code <singular> #<n>}. */
    public List<YamlMapping> mappings(String key, String singular) throws PolicyException {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return List.of();
        }
        List<YamlMapping> values = new ArrayList<>();
        for (Node item : sequence(tuple, key)) {
            values.add(of(file, singular + " #" + (values.size() + 1), item));
        }
        return values;
    }

    /** Reads one mapping of a list into a value; for {@link #each}. */
    @FunctionalInterface
    public interface EntryReader<T> {
        T read(YamlMapping entry) throws PolicyException;
    }

    /** Each mapping of the list under {@code key} read by {@code reader}, in order; a missing key is none. */
    public <T> List<T> each(String key, String singular, EntryReader<T> reader) throws PolicyException {
        List<T> values = new ArrayList<>();
        for (YamlMapping entry : mappings(key, singular)) {
            values.add(reader.read(entry));
        }
        return values;
    }

    /** The mapping's own entries as (key, value mapping) pairs, e.g. personas by name. */
    public Map<Scalar, YamlMapping> mappingsByKey(String singular) throws PolicyException {
        Map<Scalar, YamlMapping> values = new LinkedHashMap<>();
        for (NodeTuple tuple : entries.values()) {
            ScalarNode key = (ScalarNode) tuple.getKeyNode();
            values.put(new Scalar(key.getValue(), line(key)),
                    of(file, singular + " '" + key.getValue() + "'", tuple.getValueNode()));
        }
        return values;
    }

    public PolicyException error(int line, String problem) {
        return new PolicyException(file, line, problem);
    }

    private PolicyException error(Node at, String problem) {
        return new PolicyException(file, line(at), problem);
    }

    private List<Node> sequence(NodeTuple tuple, String key) throws PolicyException {
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            throw error(tuple.getValueNode(), "'" + key + "' in " + what + " must be a list");
        }
        return sequence.getValue();
    }

    private Scalar scalar(Node value, String described) throws PolicyException {
        if (!(value instanceof ScalarNode s)) {
            throw error(value, described + " must be a plain value");
        }
        if (s.getValue().isBlank()) {
            throw error(value, described + " must not be empty");
        }
        return new Scalar(s.getValue().trim(), line(value));
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
