package io.vantage.connector.fuzz;

import static io.vantage.connector.fuzz.HostileFrames.hello;

import java.util.Arrays;
import java.util.List;

import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameType;

/**
 * Makes hostile connections from a seed: random bytes, damaged valid conversations, random type bytes, huge
 * length prefixes, trickles, HELLOs with strange strings, absurd batches, valid and invalid frames interleaved,
 * abrupt closes mid-frame and half-closed sockets. The same seed always makes the same case. The frames come
 * from {@link HostileFrames}, the strange HELLOs from {@link HostileHellos}.
 */
public final class HostileCases {

    private final int maxFrameBytes;
    private final HostileFrames frames;
    private final HostileHellos hellos;

    /** @param maxFrameBytes the server's frame limit, so that sizes straddle it */
    public HostileCases(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
        this.frames = new HostileFrames(maxFrameBytes);
        this.hellos = new HostileHellos(frames);
    }

    /** The case made from {@code seed}. */
    public HostileCase next(long seed) {
        CaseDraft c = new CaseDraft(seed);
        int roll = c.random.nextInt(100);
        if (roll < 10) {
            return randomBytes(c);
        } else if (roll < 28) {
            return mutated(c);
        } else if (roll < 36) {
            return randomType(c);
        } else if (roll < 44) {
            return hugeLength(c);
        } else if (roll < 52) {
            return trickle(c);
        } else if (roll < 64) {
            return hellos.make(c);
        } else if (roll < 76) {
            return absurdBatch(c);
        } else if (roll < 86) {
            return interleaved(c);
        } else if (roll < 90) {
            return valid(c);
        } else if (roll < 95) {
            return abrupt(c);
        } else {
            return halfClosed(c);
        }
    }

    private HostileCase randomBytes(CaseDraft c) {
        int size;
        int band = c.random.nextInt(10);
        if (band < 4) {
            size = 1 + c.random.nextInt(8);
        } else if (band < 7) {
            size = 9 + c.random.nextInt(300);
        } else if (band < 9) {
            size = 300 + c.random.nextInt(20_000);
        } else {
            size = 20_000 + c.random.nextInt(300_000);
        }
        byte[] bytes = Mutations.randomBytes(c.random, size);
        if (size > 5 && c.random.nextInt(4) == 0) {
            // a small honest-looking length, so that the random type byte and body get decoded too
            int length = 1 + c.random.nextInt(Math.min(size - 4, 300));
            bytes[0] = 0;
            bytes[1] = 0;
            bytes[2] = (byte) (length >>> 8);
            bytes[3] = (byte) length;
        }
        return c.pipelined("random-bytes", size + " random bytes", bytes);
    }

    private HostileCase mutated(CaseDraft c) {
        byte[] rest = frames.validFrames(c, 1 + c.random.nextInt(8));
        StringBuilder how = new StringBuilder();
        if (c.random.nextBoolean()) {
            byte[] damaged = Mutations.mutate(rest, c.random, how);
            return c.afterWelcome("mutated", "valid frames after WELCOME, damaged:" + how, damaged);
        }
        byte[] damaged = Mutations.mutate(Bytes.concat(hello(), rest), c.random, how);
        return c.pipelined("mutated", "HELLO and valid frames at once, damaged:" + how, damaged);
    }

    private HostileCase randomType(CaseDraft c) {
        byte[] frame = frames.randomTypeFrame(c);
        if (c.random.nextBoolean()) {
            return c.afterWelcome("random-type", "frame with type 0x" + Integer.toHexString(frame[4] & 0xFF)
                    + " after WELCOME", frame);
        }
        return c.pipelined("random-type", "frame with type 0x" + Integer.toHexString(frame[4] & 0xFF)
                + " first", frame);
    }

    private HostileCase hugeLength(CaseDraft c) {
        int length;
        String what;
        byte[] tail;
        switch (c.random.nextInt(5)) {
            case 0:
                length = maxFrameBytes + 1 + c.random.nextInt(Integer.MAX_VALUE - maxFrameBytes - 1);
                what = "length " + length + " over the limit";
                tail = Mutations.randomBytes(c.random, c.random.nextInt(100));
                break;
            case 1:
                length = Integer.MIN_VALUE + c.random.nextInt(Integer.MAX_VALUE);
                what = "length " + Integer.toUnsignedString(length) + " (high bit set)";
                tail = Mutations.randomBytes(c.random, c.random.nextInt(100));
                break;
            case 2:
                length = 0;
                what = "length 0";
                tail = Mutations.randomBytes(c.random, c.random.nextInt(20));
                break;
            case 3:
                length = maxFrameBytes + 1;
                what = "length one over the limit";
                tail = new byte[] {(byte) FrameType.BATCH.code()};
                break;
            default:
                // the largest frame allowed, never completed: the server holds a full buffer until the timeout
                length = maxFrameBytes;
                what = "length at the limit, body never completed";
                tail = Bytes.concat(new byte[] {(byte) FrameType.BATCH.code()},
                        Mutations.randomBytes(c.random, c.random.nextInt(2_000)));
                break;
        }
        byte[] bytes = Bytes.concat(new Bytes().u32(length).toArray(), tail);
        return c.random.nextBoolean() ? c.afterWelcome("huge-length", what + " after WELCOME", bytes)
                : c.pipelined("huge-length", what + " first", bytes);
    }

    private HostileCase trickle(CaseDraft c) {
        byte[] stream = Bytes.concat(hello(), frames.validFrames(c, 1 + c.random.nextInt(3)));
        String what = "valid HELLO and frames";
        if (c.random.nextBoolean()) {
            StringBuilder how = new StringBuilder();
            stream = Mutations.mutate(stream, c.random, how);
            what = "HELLO and frames damaged:" + how;
        }
        int perWrite = 1 + c.random.nextInt(3);
        int pause = 5 + c.random.nextInt(20);
        // at most about 1.5 s of trickling, so the connection ends well within the test's deadlines
        int cap = Math.max(8, 1_500 / pause * perWrite);
        if (stream.length > cap) {
            stream = Arrays.copyOf(stream, cap);
            what += ", cut to " + cap + " bytes";
        }
        return new HostileCase("trickle", what + ", " + perWrite + " bytes per " + pause + " ms", c.seed,
                List.of(new HostileCase.Step.Trickle(stream, perWrite, pause)), HostileCase.Ending.READ_TO_END, false);
    }

    private HostileCase absurdBatch(CaseDraft c) {
        StringBuilder what = new StringBuilder();
        byte[] bad = frames.absurdBatchFrame(c, what);
        int placement = c.random.nextInt(10);
        if (placement < 7) {
            byte[] before = frames.validFrames(c, c.random.nextInt(3));
            return c.afterWelcome("absurd-batch", what + " after WELCOME", Bytes.concat(before, bad));
        } else if (placement < 9) {
            return c.pipelined("absurd-batch", what + " right behind HELLO", Bytes.concat(hello(), bad));
        }
        return c.pipelined("absurd-batch", what + " without HELLO", bad);
    }

    private HostileCase interleaved(CaseDraft c) {
        int count = 2 + c.random.nextInt(11);
        int badOne = c.random.nextInt(count);
        Bytes stream = new Bytes();
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i == badOne || c.random.nextInt(8) == 0) {
                stream.raw(frames.invalidFrame(c, what));
            } else {
                stream.raw(frames.validFrame(c));
                what.append(" valid");
            }
        }
        return c.random.nextInt(5) > 0 ? c.afterWelcome("interleaved", "after WELCOME:" + what, stream.toArray())
                : c.pipelined("interleaved", "HELLO then" + what, Bytes.concat(hello(), stream.toArray()));
    }

    private HostileCase valid(CaseDraft c) {
        byte[] sent = frames.validFrames(c, 1 + c.random.nextInt(10));
        return c.random.nextInt(4) > 0 ? c.afterWelcome("valid", "valid frames after WELCOME", sent)
                : c.pipelined("valid", "HELLO and valid frames at once", Bytes.concat(hello(), sent));
    }

    private HostileCase abrupt(CaseDraft c) {
        byte[] stream;
        int pick = c.random.nextInt(3);
        if (pick == 0) {
            stream = Bytes.concat(hello(), frames.validFrames(c, 1 + c.random.nextInt(5)));
        } else if (pick == 1) {
            stream = Bytes.concat(hello(), FrameCodec.encode(frames.batch(c, false)));
        } else {
            stream = Mutations.randomBytes(c.random, 1 + c.random.nextInt(5_000));
        }
        // a few bytes short of the end: the last frame is left half sent
        int cut = Math.max(1, stream.length - 1 - c.random.nextInt(Math.min(stream.length, 40)));
        HostileCase.Ending ending = c.random.nextBoolean() ? HostileCase.Ending.CLOSE : HostileCase.Ending.RESET;
        return new HostileCase("abrupt-close", "closed after " + cut + " of " + stream.length + " bytes",
                c.seed, List.of(new HostileCase.Step.Write(Arrays.copyOf(stream, cut))), ending, false);
    }

    private HostileCase halfClosed(CaseDraft c) {
        HostileCase base;
        switch (c.random.nextInt(4)) {
            case 0:
                base = valid(c);
                break;
            case 1:
                base = mutated(c);
                break;
            case 2:
                base = c.afterWelcome("", "half a batch after WELCOME",
                        Arrays.copyOf(FrameCodec.encode(frames.batch(c, false)), 10));
                break;
            default:
                base = hellos.make(c);
                break;
        }
        return base.withEnding("half-closed", HostileCase.Ending.HALF_CLOSE);
    }
}
