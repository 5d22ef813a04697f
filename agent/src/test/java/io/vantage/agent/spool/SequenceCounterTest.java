package io.vantage.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceCounterTest {

    @TempDir
    Path dir;

    @Test
    void without_a_spool_sequences_start_at_the_current_time_in_milliseconds() {
        SequenceCounter sequences = SequenceCounter.startingAt(1_700_000_000_000L);

        assertEquals(1_700_000_000_000L, sequences.next());
        assertEquals(1_700_000_000_001L, sequences.next());
    }

    @Test
    void a_restarted_agent_continues_after_the_last_sequence_it_used() throws IOException {
        SequenceCounter first = SequenceCounter.persistedIn(dir, Spool.NONE, 1_000L);
        first.next();
        first.next();
        long last = first.next();

        // a clock set back must not matter: the persisted sequence wins
        SequenceCounter second = SequenceCounter.persistedIn(dir, Spool.NONE, 10L);

        assertEquals(last + 1, second.next());
    }

    @Test
    void a_spooled_batch_newer_than_the_state_file_is_never_reused() throws IOException {
        Files.writeString(dir.resolve(SequenceCounter.STATE_FILE), "100");

        assertEquals(151, SequenceCounter.persistedIn(dir, 150, 10L).next());
    }

    @Test
    void the_server_holding_a_later_sequence_moves_the_counter_past_it() throws IOException {
        SequenceCounter sequences = SequenceCounter.persistedIn(dir, Spool.NONE, 1_000L);
        sequences.next();

        sequences.advancePast(5_000L);

        assertEquals(5_001L, sequences.next());
        assertEquals(5_002L, SequenceCounter.persistedIn(dir, Spool.NONE, 1L).next());
    }

    @Test
    void a_state_file_that_is_not_a_number_is_an_error() throws IOException {
        Files.writeString(dir.resolve(SequenceCounter.STATE_FILE), "garbage");

        assertThrows(IOException.class, () -> SequenceCounter.persistedIn(dir, Spool.NONE, 1L));
    }
}
