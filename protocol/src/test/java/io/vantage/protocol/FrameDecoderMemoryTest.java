package io.vantage.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder holds only the bytes that have arrived, whatever length a frame announces. */
class FrameDecoderMemoryTest {

    @Test
    void a_length_prefix_alone_reserves_a_few_kib_not_the_announced_megabyte() throws Exception {
        FrameDecoder decoder = new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES);
        ByteBuffer prefix = ByteBuffer.allocate(5).putInt(FrameCodec.DEFAULT_MAX_FRAME_BYTES).put((byte) 2).flip();
        assertTrue(decoder.decode(prefix).isEmpty());
        assertTrue(decoder.bufferedCapacity() <= FrameDecoder.INITIAL_BODY_BYTES,
                "buffered " + decoder.bufferedCapacity() + " bytes for a frame of which one byte arrived");
    }

    @Test
    void a_large_frame_arriving_in_small_pieces_is_reassembled_exactly() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            samples.add(new Sample("cpu.core" + (i % 64) + ".busy", 1_700_000_000_000L + i, i * 0.5));
        }
        Frame batch = new SampleBatch(42, samples);
        ByteBuffer bytes = ByteBuffer.wrap(FrameCodec.encode(batch));
        assertTrue(bytes.remaining() > 4 * FrameDecoder.INITIAL_BODY_BYTES, "the frame must need several growths");
        FrameDecoder decoder = new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES);
        List<Frame> decoded = new ArrayList<>();
        while (bytes.hasRemaining()) {
            ByteBuffer piece = bytes.slice(bytes.position(), Math.min(1_000, bytes.remaining()));
            bytes.position(bytes.position() + piece.remaining());
            decoded.addAll(decoder.decode(piece));
            assertTrue(decoder.bufferedCapacity() <= Math.max(2 * (bytes.position() + 1), FrameDecoder.INITIAL_BODY_BYTES),
                    "never more than twice what arrived");
        }
        assertEquals(List.of(batch), decoded);
    }
}
