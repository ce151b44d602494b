package com.tttools.app.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the chart's templates without helm (no Go toolchain or helm binary on the build machine), for
 * {@link DeploymentManifestsTest}. It knows the small subset of Go templates the chart uses, and fails on anything
 * else, so the chart cannot drift into constructs this check does not understand: actions with Go's whitespace
 * trimming ({{- and -}}), {@code if}/{@code else}/{@code end} on a value or {@code not} a value, {@code range $k, $v
 * := map}, and pipelines of {@code .Values.x.y}, {@code .Release.Name}, {@code .Chart.AppVersion}, {@code $var}
 * through {@code quote}, {@code default}, {@code toYaml} and {@code nindent}.
 */
final class ChartRenderer {

    private static final Pattern ACTION = Pattern.compile("\\{\\{(-?)\\s*(.*?)\\s*(-?)}}", Pattern.DOTALL);

    private final Map<String, Object> root;

    ChartRenderer(Map<String, Object> values, String releaseName, String appVersion) {
        this.root = Map.of("Values", values, "Release", Map.of("Name", releaseName),
                "Chart", Map.of("AppVersion", appVersion));
    }

    String render(String template) {
        List<Object> tokens = new ArrayList<>();   // String text or Action
        Matcher matcher = ACTION.matcher(template);
        int at = 0;
        while (matcher.find()) {
            String text = template.substring(at, matcher.start());
            if (!matcher.group(1).isEmpty()) {
                text = text.stripTrailing();
            }
            tokens.add(text);
            tokens.add(new Action(matcher.group(2), !matcher.group(3).isEmpty()));
            at = matcher.end();
        }
        tokens.add(template.substring(at));
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof String text && tokens.get(i - 1) instanceof Action action && action.trimAfter()) {
                tokens.set(i, text.stripLeading());
            }
        }
        int[] position = {0};
        List<Node> nodes = parse(tokens, position, false);
        StringBuilder out = new StringBuilder();
        nodes.forEach(node -> node.render(out, new HashMap<>()));
        return out.toString();
    }

    private List<Node> parse(List<Object> tokens, int[] position, boolean nested) {
        List<Node> nodes = new ArrayList<>();
        while (position[0] < tokens.size()) {
            Object token = tokens.get(position[0]++);
            if (token instanceof String text) {
                nodes.add((out, vars) -> out.append(text));
                continue;
            }
            String action = ((Action) token).body();
            if (action.equals("end") || action.equals("else")) {
                if (!nested) {
                    throw new IllegalArgumentException("{{ " + action + " }} without if/range");
                }
                position[0]--;
                return nodes;
            }
            if (action.startsWith("if ")) {
                String condition = action.substring(3).trim();
                List<Node> then = parse(tokens, position, true);
                List<Node> otherwise = List.of();
                if (((Action) tokens.get(position[0]++)).body().equals("else")) {
                    otherwise = parse(tokens, position, true);
                    position[0]++;   // end
                }
                List<Node> elseNodes = otherwise;
                nodes.add((out, vars) -> (truthy(condition(condition, vars)) ? then : elseNodes)
                        .forEach(node -> node.render(out, vars)));
            } else if (action.startsWith("range ")) {
                Matcher range = Pattern.compile("range \\$(\\w+), \\$(\\w+) := (\\S+)").matcher(action);
                if (!range.matches()) {
                    throw new IllegalArgumentException("Unsupported range: " + action);
                }
                List<Node> body = parse(tokens, position, true);
                position[0]++;   // end
                nodes.add((out, vars) -> {
                    Object over = value(range.group(3), vars);
                    if (over instanceof Map<?, ?> map) {
                        // Go ranges over a map in key order
                        map.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                                .forEach(entry -> {
                                    Map<String, Object> inner = new HashMap<>(vars);
                                    inner.put(range.group(1), entry.getKey());
                                    inner.put(range.group(2), entry.getValue());
                                    body.forEach(node -> node.render(out, inner));
                                });
                    }
                });
            } else {
                nodes.add((out, vars) -> out.append(pipeline(action, vars)));
            }
        }
        if (nested) {
            throw new IllegalArgumentException("if/range without {{ end }}");
        }
        return nodes;
    }

    private Object condition(String condition, Map<String, Object> vars) {
        return condition.startsWith("not ") ? !truthy(value(condition.substring(4).trim(), vars)) : value(condition, vars);
    }

    private String pipeline(String action, Map<String, Object> vars) {
        String[] stages = action.split("\\|");
        String first = stages[0].trim();
        Object value = first.startsWith("toYaml ") ? toYaml(value(first.substring(7).trim(), vars)) : value(first, vars);
        for (int i = 1; i < stages.length; i++) {
            String[] function = stages[i].trim().split("\\s+", 2);
            value = switch (function[0]) {
                case "quote" -> "\"" + String.valueOf(value == null ? "" : value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                case "default" -> truthy(value) ? value : value(function[1], vars);
                case "nindent" -> "\n" + String.valueOf(value).lines()
                        .map(line -> " ".repeat(Integer.parseInt(function[1])) + line)
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                default -> throw new IllegalArgumentException("Unsupported function: " + function[0]);
            };
        }
        return value == null ? "" : String.valueOf(value);
    }

    private Object value(String expression, Map<String, Object> vars) {
        if (expression.startsWith("$")) {
            return vars.get(expression.substring(1));
        }
        if (!expression.startsWith(".")) {
            throw new IllegalArgumentException("Unsupported expression: " + expression);
        }
        Object current = root;
        for (String key : expression.substring(1).split("\\.")) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return current;
    }

    private static String toYaml(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(value).stripTrailing();
    }

    private static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
                && !(value instanceof Number n && n.doubleValue() == 0)
                && !(value instanceof Map<?, ?> m && m.isEmpty()) && !(value instanceof List<?> l && l.isEmpty());
    }

    private record Action(String body, boolean trimAfter) {
    }

    private interface Node {
        void render(StringBuilder out, Map<String, Object> vars);
    }
}
