package io.vantage.connector.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One hostile case in the making: its seed, its random numbers and its batch sequences, and the two ways a case
 * sends its bytes. Every maker draws from the same {@link #random}, in a fixed order, so a seed always makes the
 * same case.
 */
final class CaseDraft {

    final long seed;
    final Random random;
    private long sequence;

    CaseDraft(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.sequence = 1 + random.nextInt(1_000_000);
    }

    long nextSequence() {
        return sequence++;
    }

    /** Sends the bytes at once, or in a few writes, without waiting for anything. */
    HostileCase pipelined(String kind, String detail, byte[] bytes) {
        return new HostileCase(kind, detail, seed, writes(bytes), HostileCase.Ending.READ_TO_END, false);
    }

    /** Says a valid HELLO, waits for WELCOME, then sends the bytes. */
    HostileCase afterWelcome(String kind, String detail, byte[] bytes) {
        List<HostileCase.Step> steps = new ArrayList<>();
        steps.add(new HostileCase.Step.Write(HostileFrames.hello()));
        steps.add(new HostileCase.Step.AwaitWelcome());
        steps.addAll(writes(bytes));
        return new HostileCase(kind, detail, seed, steps, HostileCase.Ending.READ_TO_END, true);
    }

    private List<HostileCase.Step> writes(byte[] bytes) {
        int pieces = bytes.length < 2 || random.nextInt(3) > 0 ? 1 : 2 + random.nextInt(3);
        List<HostileCase.Step> steps = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= pieces; i++) {
            int to = i == pieces ? bytes.length : from + random.nextInt(bytes.length - from + 1);
            steps.add(new HostileCase.Step.Write(Arrays.copyOfRange(bytes, from, to)));
            from = to;
        }
        return steps;
    }
}
