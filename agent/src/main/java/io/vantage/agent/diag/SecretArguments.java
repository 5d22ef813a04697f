package io.vantage.agent.diag;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hides what looks like a secret in a command line before it leaves the machine: the value of an argument whose name
 * speaks of a password, secret, token, key or credential ({@code --agent-key K}, {@code --password=P},
 * {@code -Ddb.password=P}, {@code PGPASSWORD=P}) becomes {@code ***}. Locally {@code ps} shows every user the same
 * command lines, but the people who read Vantage are not necessarily users of this machine. A heuristic: it errs
 * towards hiding ({@code --keyfile PATH} loses its path too).
 */
final class SecretArguments {

    static final String HIDDEN = "***";
    private static final Pattern SECRET_NAME = Pattern.compile(".*(pass|secret|token|key|credential).*");

    private SecretArguments() {
    }

    /** The arguments, secrets hidden; {@code argv} is changed in place and returned. */
    static String[] hide(String[] argv) {
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            int equals = arg.indexOf('=');
            if (equals > 0) {
                if (secret(arg.substring(0, equals))) {
                    argv[i] = arg.substring(0, equals + 1) + HIDDEN;
                }
            } else if (arg.startsWith("-") && secret(arg) && i + 1 < argv.length && !argv[i + 1].startsWith("-")) {
                argv[++i] = HIDDEN;
            }
        }
        return argv;
    }

    private static boolean secret(String name) {
        return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
