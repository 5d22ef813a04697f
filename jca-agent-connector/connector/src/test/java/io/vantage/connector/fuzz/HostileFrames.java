package io.vantage.connector.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * The single frames hostile cases are built from: valid ones, ones the server must refuse, random types and
 * absurd batches. Every choice comes from the case's own random numbers, so a seed still makes the same bytes.
 */
final class HostileFrames {

    static final String[] GOOD_NAMES = {"cpu.user", "mem.used", "disk.sda.read_bytes", "net:eth0.rx-bytes"};
    static final String[] BAD_NAMES = {"", "cpu user", "a..b", ".cpu", "cpu.", "x".repeat(201), "caf\u00e9"};
    static final byte[][] INVALID_UTF8 = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0x80}, {'a', 'b', (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}};

    private final int maxFrameBytes;

    /** @param maxFrameBytes the server's frame limit, so that sizes straddle it */
    HostileFrames(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    byte[] validFrames(CaseDraft c, int count) {
        Bytes frames = new Bytes();
        for (int i = 0; i < count; i++) {
            frames.raw(validFrame(c));
        }
        return frames.toArray();
    }

    byte[] validFrame(CaseDraft c) {
        int pick = c.random.nextInt(10);
        if (pick < 6) {
            return FrameCodec.encode(batch(c, c.random.nextInt(10) == 0));
        } else if (pick < 9) {
            return FrameCodec.encode(new Ping(c.random.nextLong()));
        }
        return FrameCodec.encode(new Pong(c.random.nextLong()));
    }

    /** A frame the server must refuse, or one that is fine only by luck of the dice. */
    byte[] invalidFrame(CaseDraft c, StringBuilder what) {
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

    byte[] randomTypeFrame(CaseDraft c) {
        int type = c.random.nextBoolean() ? 8 + c.random.nextInt(248) : c.random.nextInt(8);
        if (c.random.nextInt(8) == 0) {
            type = c.random.nextBoolean() ? 0 : 0xFF;
        }
        return Bytes.frame(type, Mutations.randomBytes(c.random, c.random.nextInt(41)));
    }

    /** A batch that breaks one rule of PROTOCOL.md (or one of the application's, or none: some are merely odd). */
    byte[] absurdBatchFrame(CaseDraft c, StringBuilder what) {
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

    SampleBatch batch(CaseDraft c, boolean badName) {
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
}
