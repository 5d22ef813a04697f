package io.vantage.connector.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameType;
import io.vantage.protocol.ProtocolVersions;

/**
 * HELLOs with strange strings: wrong magic or versions, empty, unicode, invalid UTF-8 or huge fields, string
 * lengths that lie, bytes left over, a batch right behind. The handshake is where an unauthenticated peer can
 * reach the server, so it gets cases of its own.
 */
final class HostileHellos {

    private final HostileFrames frames;

    HostileHellos(HostileFrames frames) {
        this.frames = frames;
    }

    HostileCase make(CaseDraft c) {
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
                value = HostileFrames.INVALID_UTF8[r.nextInt(HostileFrames.INVALID_UTF8.length)];
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
            stream = Bytes.concat(stream, FrameCodec.encode(frames.batch(c, false)));
            what.append(", a batch right behind");
        }
        return c.pipelined("hello-strings", what.toString(), stream);
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
}
