package io.vantage.connector.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameType;
import io.vantage.protocol.Hello;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;
import io.vantage.protocol.Welcome;

/**
 * Makes hostile connections from a seed: random bytes, damaged valid conversations, random type bytes, huge
 * length prefixes, trickles, HELLOs with strange strings, absurd batches, valid and invalid frames interleaved,
 * abrupt closes mid-frame and half-closed sockets. The same seed always makes the same case.
 */
public final class HostileCases {

    private static final String[] GOOD_NAMES = {"cpu.user", "mem.used", "disk.sda.read_bytes", "net:eth0.rx-bytes"};
    private static final String[] BAD_NAMES = {"", "cpu user", "a..b", ".cpu", "cpu.", "x".repeat(201), "caf\u00e9"};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0x80}, {'a', 'b', (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}};

    private final int maxFrameBytes;

    /** @param maxFrameBytes the server's frame limit, so that sizes straddle it */
    public HostileCases(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The case made from {@code seed}. */
    public HostileCase next(long seed) {
        Case c = new Case(seed);
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
            return helloStrings(c);
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

    private HostileCase randomBytes(Case c) {
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

    private HostileCase mutated(Case c) {
        byte[] rest = validFrames(c, 1 + c.random.nextInt(8));
        StringBuilder how = new StringBuilder();
        if (c.random.nextBoolean()) {
            byte[] damaged = Mutations.mutate(rest, c.random, how);
            return c.afterWelcome("mutated", "valid frames after WELCOME, damaged:" + how, damaged);
        }
        byte[] damaged = Mutations.mutate(Bytes.concat(hello(), rest), c.random, how);
        return c.pipelined("mutated", "HELLO and valid frames at once, damaged:" + how, damaged);
    }

    private HostileCase randomType(Case c) {
        byte[] frame = randomTypeFrame(c);
        if (c.random.nextBoolean()) {
            return c.afterWelcome("random-type", "frame with type 0x" + Integer.toHexString(frame[4] & 0xFF)
                    + " after WELCOME", frame);
        }
        return c.pipelined("random-type", "frame with type 0x" + Integer.toHexString(frame[4] & 0xFF)
                + " first", frame);
    }

    private HostileCase hugeLength(Case c) {
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

    private HostileCase trickle(Case c) {
        byte[] stream = Bytes.concat(hello(), validFrames(c, 1 + c.random.nextInt(3)));
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

    private HostileCase helloStrings(Case c) {
        Random r = c.random;
        boolean longUsed = false;
        int magic = r.nextInt(20) == 0 ? r.nextInt() : FrameCodec.HELLO_MAGIC;
        int min = ProtocolVersions.V1;
        int max = ProtocolVersions.V1;
        if (r.nextInt(5) == 0) {
            min = r.nextInt(4) == 0 ? r.nextInt(65536) : r.nextInt(3);
            max = r.nextInt(4) == 0 ? r.nextInt(65536) : r.nextInt(3);
        }
        StringBuilder what = new StringBuilder("HELLO versions ").append(min).append("..").append(max);
        Bytes payload = new Bytes().u32(magic).u16(min).u16(max);
        String[] names = {"id", "key", "hostname", "version"};
        for (int field = 0; field < 4; field++) {
            byte[] value;
            int pick = r.nextInt(100);
            if (field < 2 && pick < 35) {
                value = (field == 0 ? FuzzListener.HOSTILE_AGENT : FuzzListener.KEY).getBytes(StandardCharsets.UTF_8);
                what.append(", ").append(names[field]).append(" right");
            } else if (pick < 50) {
                value = new byte[0];
                what.append(", ").append(names[field]).append(" empty");
            } else if (pick < 65) {
                value = ascii(r, 1 + r.nextInt(40));
                what.append(", ").append(names[field]).append(" ascii");
            } else if (pick < 75) {
                value = unicode(r).getBytes(StandardCharsets.UTF_8);
                what.append(", ").append(names[field]).append(" unicode");
            } else if (pick < 88) {
                value = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
                what.append(", ").append(names[field]).append(" invalid UTF-8");
            } else if (pick < 95 && !longUsed) {
                longUsed = true;
                value = ascii(r, 1_000 + r.nextInt(65_536 - 1_000));
                what.append(", ").append(names[field]).append(" of ").append(value.length).append(" bytes");
            } else {
                int lie = r.nextInt(200) - 50;
                value = ascii(r, 5);
                payload.u16(value.length + lie).raw(value);
                what.append(", ").append(names[field]).append(" count off by ").append(lie);
                continue;
            }
            payload.string(value);
        }
        if (r.nextInt(10) == 0) {
            payload.raw(Mutations.randomBytes(r, 1 + r.nextInt(8)));
            what.append(", bytes left over");
        }
        byte[] stream = Bytes.frame(FrameType.HELLO.code(), payload.toArray());
        if (r.nextInt(5) == 0) {
            stream = Bytes.concat(stream, FrameCodec.encode(batch(c, false)));
            what.append(", a batch right behind");
        }
        return c.pipelined("hello-strings", what.toString(), stream);
    }

    private HostileCase absurdBatch(Case c) {
        StringBuilder what = new StringBuilder();
        byte[] bad = absurdBatchFrame(c, what);
        int placement = c.random.nextInt(10);
        if (placement < 7) {
            byte[] before = validFrames(c, c.random.nextInt(3));
            return c.afterWelcome("absurd-batch", what + " after WELCOME", Bytes.concat(before, bad));
        } else if (placement < 9) {
            return c.pipelined("absurd-batch", what + " right behind HELLO", Bytes.concat(hello(), bad));
        }
        return c.pipelined("absurd-batch", what + " without HELLO", bad);
    }

    private HostileCase interleaved(Case c) {
        int frames = 2 + c.random.nextInt(11);
        int badOne = c.random.nextInt(frames);
        Bytes stream = new Bytes();
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < frames; i++) {
            if (i == badOne || c.random.nextInt(8) == 0) {
                stream.raw(invalidFrame(c, what));
            } else {
                stream.raw(validFrame(c));
                what.append(" valid");
            }
        }
        return c.random.nextInt(5) > 0 ? c.afterWelcome("interleaved", "after WELCOME:" + what, stream.toArray())
                : c.pipelined("interleaved", "HELLO then" + what, Bytes.concat(hello(), stream.toArray()));
    }

    private HostileCase valid(Case c) {
        byte[] frames = validFrames(c, 1 + c.random.nextInt(10));
        return c.random.nextInt(4) > 0 ? c.afterWelcome("valid", "valid frames after WELCOME", frames)
                : c.pipelined("valid", "HELLO and valid frames at once", Bytes.concat(hello(), frames));
    }

    private HostileCase abrupt(Case c) {
        byte[] stream;
        int pick = c.random.nextInt(3);
        if (pick == 0) {
            stream = Bytes.concat(hello(), validFrames(c, 1 + c.random.nextInt(5)));
        } else if (pick == 1) {
            stream = Bytes.concat(hello(), FrameCodec.encode(batch(c, false)));
        } else {
            stream = Mutations.randomBytes(c.random, 1 + c.random.nextInt(5_000));
        }
        // a few bytes short of the end: the last frame is left half sent
        int cut = Math.max(1, stream.length - 1 - c.random.nextInt(Math.min(stream.length, 40)));
        HostileCase.Ending ending = c.random.nextBoolean() ? HostileCase.Ending.CLOSE : HostileCase.Ending.RESET;
        return new HostileCase("abrupt-close", "closed after " + cut + " of " + stream.length + " bytes",
                c.seed, List.of(new HostileCase.Step.Write(Arrays.copyOf(stream, cut))), ending, false);
    }

    private HostileCase halfClosed(Case c) {
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
                        Arrays.copyOf(FrameCodec.encode(batch(c, false)), 10));
                break;
            default:
                base = helloStrings(c);
                break;
        }
        return base.withEnding("half-closed", HostileCase.Ending.HALF_CLOSE);
    }

    private byte[] validFrames(Case c, int count) {
        Bytes frames = new Bytes();
        for (int i = 0; i < count; i++) {
            frames.raw(validFrame(c));
        }
        return frames.toArray();
    }

    private byte[] validFrame(Case c) {
        int pick = c.random.nextInt(10);
        if (pick < 6) {
            return FrameCodec.encode(batch(c, c.random.nextInt(10) == 0));
        } else if (pick < 9) {
            return FrameCodec.encode(new Ping(c.random.nextLong()));
        }
        return FrameCodec.encode(new Pong(c.random.nextLong()));
    }

    /** A frame the server must refuse, or one that is fine only by luck of the dice. */
    private byte[] invalidFrame(Case c, StringBuilder what) {
        switch (c.random.nextInt(6)) {
            case 0:
                return absurdBatchFrame(c, what.append(' '));
            case 1:
                what.append(" random-type");
                return randomTypeFrame(c);
            case 2:
                what.append(" HELLO-again");
                return hello();
            case 3:
                what.append(" WELCOME/ACK-from-agent");
                return c.random.nextBoolean() ? FrameCodec.encode(new Welcome(1, 5, 30))
                        : new Bytes().u32(9).u8(FrameType.ACK.code()).i64(c.random.nextLong()).toArray();
            case 4: {
                int code = c.random.nextBoolean() ? ErrorCode.values()[c.random.nextInt(8)].code()
                        : c.random.nextInt(65536);
                what.append(" ERROR-").append(code);
                Bytes payload = new Bytes().u16(code).string("from the agent");
                return Bytes.frame(FrameType.ERROR.code(), payload.toArray());
            }
            default:
                what.append(" huge-length");
                return new Bytes().u32(maxFrameBytes + 1 + c.random.nextInt(1000)).u8(3).toArray();
        }
    }

    private byte[] randomTypeFrame(Case c) {
        int type = c.random.nextBoolean() ? 8 + c.random.nextInt(248) : c.random.nextInt(8);
        if (c.random.nextInt(8) == 0) {
            type = c.random.nextBoolean() ? 0 : 0xFF;
        }
        return Bytes.frame(type, Mutations.randomBytes(c.random, c.random.nextInt(41)));
    }

    /** A batch that breaks one rule of PROTOCOL.md (or one of the application's, or none: some are merely odd). */
    private byte[] absurdBatchFrame(Case c, StringBuilder what) {
        Random r = c.random;
        long sequence = c.nextSequence();
        int samples = 1 + r.nextInt(4);
        int declared = samples;
        List<byte[]> body = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            body.add(new Bytes().string(GOOD_NAMES[r.nextInt(GOOD_NAMES.length)]).i64(1_700_000_000_000L + i)
                    .f64(r.nextDouble() * 100).toArray());
        }
        int at = r.nextInt(samples);
        switch (r.nextInt(13)) {
            case 0:
                declared = 0;
                body.clear();
                what.append("count 0");
                break;
            case 1:
                declared = -1 - r.nextInt(1000);
                what.append("count ").append(declared);
                break;
            case 2:
                declared = FrameCodec.MAX_SAMPLES_PER_BATCH + 1;
                what.append("count 50001");
                break;
            case 3:
                declared = Integer.MAX_VALUE;
                what.append("count 2^31-1");
                break;
            case 4:
                declared = samples + 1 + r.nextInt(100);
                what.append("count ").append(declared).append(" for ").append(samples);
                break;
            case 5:
                declared = samples - 1;
                what.append("count one short");
                break;
            case 6: {
                double[] nonFinite = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.longBitsToDouble(0x7FF0_0000_0000_0001L)};
                double value = nonFinite[r.nextInt(nonFinite.length)];
                body.set(at, new Bytes().string("cpu.user").i64(1_700_000_000_000L).f64(value).toArray());
                what.append("value ").append(value);
                break;
            }
            case 7:
                sequence = r.nextBoolean() ? 0 : -1 - r.nextInt(Integer.MAX_VALUE);
                what.append("sequence ").append(sequence);
                break;
            case 8:
                sequence = Long.MIN_VALUE;
                what.append("sequence Long.MIN_VALUE");
                break;
            case 9:
                body.set(at, new Bytes().string(INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]).i64(0).f64(1)
                        .toArray());
                what.append("metric not UTF-8");
                break;
            case 10:
                body.set(at, new Bytes().string(BAD_NAMES[r.nextInt(BAD_NAMES.length)]).i64(0).f64(1).toArray());
                what.append("metric name not allowed");
                break;
            case 11:
                body.set(at, new Bytes().string("cpu.user").i64(r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE)
                        .f64(-0.0).toArray());
                what.append("extreme timestamp");
                break;
            default:
                body.set(at, new Bytes().u16(3 + r.nextInt(40_000)).raw("cpu".getBytes(StandardCharsets.UTF_8))
                        .i64(0).f64(1).toArray());
                what.append("metric count runs past the frame");
                break;
        }
        Bytes payload = new Bytes().i64(sequence).u32(declared);
        body.forEach(payload::raw);
        return Bytes.frame(FrameType.BATCH.code(), payload.toArray());
    }

    private SampleBatch batch(Case c, boolean badName) {
        Random r = c.random;
        int size = r.nextInt(10) == 0 ? 100 + r.nextInt(1_400) : 1 + r.nextInt(5);
        List<Sample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = GOOD_NAMES[r.nextInt(GOOD_NAMES.length)];
            samples.add(new Sample(name, 1_700_000_000_000L + r.nextInt(1_000_000), r.nextGaussian() * 1e6));
        }
        if (badName) {
            int at = r.nextInt(size);
            samples.set(at, new Sample(BAD_NAMES[r.nextInt(BAD_NAMES.length)], 1_700_000_000_000L, 1));
        }
        return new SampleBatch(c.nextSequence(), samples);
    }

    static byte[] hello() {
        return FrameCodec.encode(new Hello(ProtocolVersions.MIN_SUPPORTED, ProtocolVersions.MAX_SUPPORTED,
                FuzzListener.HOSTILE_AGENT, FuzzListener.KEY, "fuzz.example.org", "fuzz-1.0"));
    }

    private static byte[] ascii(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (' ' + random.nextInt(95));
        }
        return bytes;
    }

    private static String unicode(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int codePoint;
            do {
                codePoint = random.nextInt(4) == 0 ? 0x1F300 + random.nextInt(0x300) : random.nextInt(0xFFFF);
            } while (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF);
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** One case in the making: its seed, its random numbers and its batch sequences. */
    private static final class Case {

        final long seed;
        final Random random;
        private long sequence;

        Case(long seed) {
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
            steps.add(new HostileCase.Step.Write(hello()));
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
}
