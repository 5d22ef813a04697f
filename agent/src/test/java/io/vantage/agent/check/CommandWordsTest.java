package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandWordsTest {

    @Test
    void blanks_separate_words_and_quotes_keep_them_together() {
        assertEquals(List.of("/usr/lib/nagios/plugins/check_disk", "-w", "10%", "-c", "5%", "-p", "/"),
                CommandWords.split("  /usr/lib/nagios/plugins/check_disk -w 10%\t-c 5%  -p / "));
        assertEquals(List.of("/bin/check", "my dir", "it's", "a \"b\" \\c", "", "x y"),
                CommandWords.split("/bin/check 'my dir' it\\'s \"a \\\"b\\\" \\\\c\" '' x\\ y"));
        assertEquals(List.of("/bin/check", "$HOME", "*", "a;b"), CommandWords.split("/bin/check $HOME * a;b"));
        assertEquals(List.of("/bin/x", "ab'c d'e"), CommandWords.split("/bin/x ab\"'c d'\"e"));
    }

    @Test
    void unterminated_quotes_and_a_trailing_backslash_are_errors() {
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("/bin/x 'open"));
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("/bin/x \"open"));
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("/bin/x \\"));
        assertEquals(List.of(), CommandWords.split("   "));
    }
}
