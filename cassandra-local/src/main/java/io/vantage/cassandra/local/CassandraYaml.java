package io.vantage.cassandra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code conf/cassandra.yaml.template} into the {@code cassandra.yaml} of one instance.
 *
 * <p>A template with {@code {{name}}} placeholders rather than a YAML library: the launcher must stay
 * dependency-free, and the few values are plain scalars.
 */
public final class CassandraYaml {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private CassandraYaml() {
    }

    /** The values the template's placeholders stand for. */
    public static Map<String, String> values(LocalCassandraConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("cluster_name", config.clusterName());
        // forward slashes work on every OS and need no escaping
        values.put("data_dir", config.dataDir().toString().replace('\\', '/'));
        values.put("storage_port", Integer.toString(config.storagePort()));
        values.put("cql_port", Integer.toString(config.cqlPort()));
        return values;
    }

    /**
     * Fills in the placeholders. The values are escaped for a double-quoted YAML string, which is where the
     * template puts the string ones; numbers contain nothing to escape.
     *
     * @throws LocalCassandraException when the template uses a placeholder without a value
     */
    public static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new LocalCassandraException(CasMessage.BAD_TEMPLATE,
                        "uses the unknown placeholder " + matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Renders the home's template for {@code config} and writes it to {@link LocalCassandraConfig#yamlFile()}. */
    public static Path write(LocalCassandraConfig config) {
        Path template = CassandraHome.yamlTemplate(config.home());
        try {
            String text = Files.readString(template, StandardCharsets.UTF_8);
            if (!text.contains("{{data_dir}}")) {
                // a yaml without the data directory would spread this instance's files elsewhere
                throw new LocalCassandraException(CasMessage.BAD_TEMPLATE, template + " has no {{data_dir}} placeholder");
            }
            Path yaml = config.yamlFile();
            Files.writeString(yaml, render(text, values(config)), StandardCharsets.UTF_8);
            return yaml;
        } catch (IOException e) {
            throw new LocalCassandraException(e, CasMessage.IO_FAILED, "Writing cassandra.yaml from " + template, e);
        }
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
