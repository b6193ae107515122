package org.interlock.policy.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An oracle for the redactor's properties that shares no code with it and uses no JSONPath: a
 * small recursive walk over Jackson nodes for the few path forms the properties generate, and the
 * list of every path a tree holds ({@code a}, {@code a.b}, {@code a[0]}, {@code a[0].c}).
 */
final class JsonTreeWalk {

    /** One step of a path: {@code .name}, {@code ..name} (at any depth) or {@code [*]} (every child). */
    sealed interface Step {
        String text();
    }

    record Child(String name) implements Step {
        public String text() {
            return "." + name;
        }
    }

    record Deep(String name) implements Step {
        public String text() {
            return ".." + name;
        }
    }

    record Every() implements Step {
        public String text() {
            return "[*]";
        }
    }

    private JsonTreeWalk() {
    }

    static String jsonPath(List<Step> steps) {
        StringBuilder path = new StringBuilder("$");
        steps.forEach(step -> path.append(step.text()));
        return path.toString();
    }

    /** Removes, in place, every value the steps name below {@code node}. */
    static void remove(JsonNode node, List<Step> steps) {
        Step step = steps.getFirst();
        List<Step> rest = steps.subList(1, steps.size());
        switch (step) {
            case Child child -> removeChild(node, child.name(), rest);
            case Every every -> {
                if (rest.isEmpty()) {
                    removeChildren(node);
                } else {
                    children(node).forEach(child -> remove(child, rest));
                }
            }
            case Deep deep -> {
                removeChild(node, deep.name(), rest);
                children(node).forEach(child -> remove(child, steps));
            }
        }
    }

    private static void removeChild(JsonNode node, String name, List<Step> rest) {
        if (!(node instanceof ObjectNode object) || !object.has(name)) {
            return;
        }
        if (rest.isEmpty()) {
            object.remove(name);
        } else {
            remove(object.get(name), rest);
        }
    }

    private static void removeChildren(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.removeAll();
        } else if (node instanceof ArrayNode array) {
            array.removeAll();
        }
    }

    private static List<JsonNode> children(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        node.elements().forEachRemaining(children::add);
        return children;
    }

    /** Every path in the tree below the root, members dotted and elements indexed. */
    static TreeSet<String> paths(JsonNode tree) {
        TreeSet<String> paths = new TreeSet<>();
        walk(tree, "", (path, node) -> paths.add(path));
        return paths;
    }

    /** The scalar values in the tree, by path. */
    static Map<String, JsonNode> scalars(JsonNode tree) {
        Map<String, JsonNode> scalars = new TreeMap<>();
        walk(tree, "", (path, node) -> {
            if (node.isValueNode()) {
                scalars.put(path, node);
            }
        });
        return scalars;
    }

    /** Whether the record has the dotted path {@code a.b} through objects only. */
    static boolean has(JsonNode record, String dotted) {
        JsonNode node = record;
        for (String name : dotted.split("\\.")) {
            if (!(node instanceof ObjectNode object) || !object.has(name)) {
                return false;
            }
            node = object.get(name);
        }
        return true;
    }

    /** The member names along a path: {@code a[0].b} is {@code [a, b]}. */
    static List<String> names(String path) {
        List<String> names = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            int index = segment.indexOf('[');
            names.add(index < 0 ? segment : segment.substring(0, index));
        }
        return names;
    }

    /** Whether {@code path} is {@code at} or lies below it. */
    static boolean within(String path, String at) {
        return path.equals(at) || path.startsWith(at + ".") || path.startsWith(at + "[");
    }

    private interface Visitor {
        void visit(String path, JsonNode node);
    }

    private static void walk(JsonNode node, String at, Visitor visitor) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(member -> {
                String path = at.isEmpty() ? member.getKey() : at + "." + member.getKey();
                visitor.visit(path, member.getValue());
                walk(member.getValue(), path, visitor);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String path = at + "[" + i + "]";
                visitor.visit(path, array.get(i));
                walk(array.get(i), path, visitor);
            }
        }
    }
}
