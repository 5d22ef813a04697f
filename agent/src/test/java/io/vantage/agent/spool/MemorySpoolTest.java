package io.vantage.agent.spool;

import static io.vantage.agent.spool.Batches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MemorySpoolTest {

    @Test
    void batches_come_back_in_sequence_order() {
        MemorySpool spool = new MemorySpool(10);
        spool.append(batch(5));
        spool.append(batch(6));
        spool.append(batch(8));

        assertEquals(5, spool.nextAfter(0));
        assertEquals(6, spool.nextAfter(5));
        assertEquals(8, spool.nextAfter(6));
        assertEquals(Spool.NONE, spool.nextAfter(8));
        assertEquals(batch(6), spool.read(6));
    }

    @Test
    void a_full_spool_drops_the_oldest_batches_and_counts_them() {
        MemorySpool spool = new MemorySpool(3);
        for (long sequence = 1; sequence <= 5; sequence++) {
            spool.append(batch(sequence));
        }

        assertEquals(3, spool.size());
        assertEquals(3, spool.nextAfter(0));
        assertEquals(2, spool.droppedCount());
    }

    @Test
    void removing_through_a_sequence_forgets_every_batch_up_to_it() {
        MemorySpool spool = new MemorySpool(10);
        for (long sequence = 1; sequence <= 5; sequence++) {
            spool.append(batch(sequence));
        }

        assertEquals(3, spool.removeThrough(3));
        assertEquals(4, spool.nextAfter(0));
        assertNull(spool.read(2));
        assertEquals(5, spool.lastSequence());
    }
}
