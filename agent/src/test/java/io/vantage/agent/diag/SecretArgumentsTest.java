package io.vantage.agent.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SecretArgumentsTest {

    @Test
    void values_of_arguments_named_like_secrets_are_hidden_in_both_spellings() {
        assertArrayEquals(new String[] {"java", "-jar", "vantage-agent.jar", "--agent-key", "***", "--hostname", "web"},
                SecretArguments.hide(new String[] {"java", "-jar", "vantage-agent.jar", "--agent-key", "vk_abc",
                        "--hostname", "web"}));
        assertArrayEquals(new String[] {"app", "--password=***", "-Ddb.Password=***", "PGPASSWORD=***", "--api-token=***"},
                SecretArguments.hide(new String[] {"app", "--password=hunter2", "-Ddb.Password=x", "PGPASSWORD=y",
                        "--api-token=z"}));
    }

    @Test
    void other_arguments_and_flags_without_a_value_stay_as_they_are() {
        String[] plain = {"nginx:", "worker", "process", "--user=www-data", "--no-password", "--verbose", "-x=1"};
        assertArrayEquals(plain.clone(), SecretArguments.hide(plain));
    }
}
