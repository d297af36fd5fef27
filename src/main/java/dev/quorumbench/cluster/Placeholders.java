package dev.quorumbench.cluster;

import dev.quorumbench.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The {@code ${name}} placeholders of a target profile: which exist, and how one string is expanded. */
public final class Placeholders {

    /** Every placeholder a profile may use besides {@code ${env:NAME}}. */
    public static final Set<String> NAMES = Set.of("java", "classpath", "host", "port", "peers", "db",
            "quorum_writes", "quorum_timeout_ms", "node_id", "node_index", "harness_pid", ClassDataArchive.PLACEHOLDER,
            "peer_port", "peer_url", "initial_cluster", "campaign_id");

    /**
     * The placeholders of a store whose members talk to each other on a port of their own and bootstrap from the
     * list of all members (etcd, Consul, rqlite): a {@code hosts} profile must give every node its {@code peer_port}.
     */
    public static final Set<String> PEER_PORT_NAMES = Set.of("peer_port", "peer_url", "initial_cluster");

    private static final String ENV_PREFIX = "env:";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Placeholders() {
    }

    /**
     * The placeholder names used in {@code template}, in order; throws {@link InvalidInputException} on an
     * unterminated or unknown placeholder. A {@code $} not followed by {@code {} is literal.
     */
    public static List<String> names(String template) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while ((i = template.indexOf("${", i)) >= 0) {
            int end = template.indexOf('}', i + 2);
            if (end < 0) {
                throw new InvalidInputException("unterminated placeholder in \"" + template + "\"");
            }
            String name = template.substring(i + 2, end);
            boolean env = name.startsWith(ENV_PREFIX) && ENV_NAME.matcher(name.substring(ENV_PREFIX.length())).matches();
            if (!env && !NAMES.contains(name)) {
                throw new InvalidInputException("unknown placeholder ${" + name + "} in \"" + template
                        + "\" (known: " + String.join(", ", NAMES.stream().sorted().toList()) + ", env:NAME)");
            }
            found.add(name);
            i = end + 1;
        }
        return found;
    }

    /**
     * Replaces every placeholder of {@code template} with its value from {@code values}, or for
     * {@code ${env:NAME}} from {@code env}; an unset or empty variable is a {@link ClusterException}.
     */
    public static String expand(String template, Map<String, String> values, Function<String, String> env)
            throws ClusterException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int start;
        while ((start = template.indexOf("${", i)) >= 0) {
            int end = template.indexOf('}', start + 2);
            if (end < 0) {
                throw new ClusterException("unterminated placeholder in \"" + template + "\"");
            }
            out.append(template, i, start);
            String name = template.substring(start + 2, end);
            String value;
            if (name.startsWith(ENV_PREFIX)) {
                String var = name.substring(ENV_PREFIX.length());
                value = env.apply(var);
                if (value == null || value.isEmpty()) {
                    throw new ClusterException(var + " is not set: the target profile needs ${env:" + var
                            + "} (export " + var + "=…)");
                }
            } else {
                value = values.get(name);
                if (value == null) {
                    throw new ClusterException("no value for placeholder ${" + name + "}");
                }
            }
            out.append(value);
            i = end + 1;
        }
        return out.append(template.substring(i)).toString();
    }
}
