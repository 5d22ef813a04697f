package io.vantage.protocol;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The payloads of the version 2 frames, {@link Request} and {@link Response}; the framing is {@link FrameCodec}'s. */
final class RequestFrames {

    /** The least a listed process takes on the wire: pid, two empty strings, CPU and memory. */
    private static final int MIN_ENTRY_BYTES = 4 + 2 + 8 + 8 + 2;

    private RequestFrames() {
    }

    static void write(Request request, DataOutputStream out) throws IOException {
        out.writeInt((int) request.requestId());
        FrameCodec.writeString(out, request.kind());
        out.writeByte(request.arguments().size());
        for (Map.Entry<String, String> argument : request.arguments().entrySet()) {
            FrameCodec.writeString(out, argument.getKey());
            FrameCodec.writeString(out, argument.getValue());
        }
    }

    static void write(Response response, DataOutputStream out) throws IOException {
        out.writeInt((int) response.requestId());
        out.writeByte(response.status().code());
        FrameCodec.writeString(out, response.kind());
        FrameCodec.writeString(out, response.message());
        if (response.body() instanceof ProcessTable table) {
            out.writeLong(table.takenAtMillis());
            out.writeInt((int) table.cpuIntervalMillis());
            out.writeInt((int) table.totalProcesses());
            out.writeShort(table.entries().size());
            for (ProcessEntry entry : table.entries()) {
                out.writeInt((int) entry.pid());
                FrameCodec.writeString(out, entry.user());
                out.writeDouble(entry.cpuPercent());
                out.writeLong(entry.residentBytes());
                FrameCodec.writeString(out, entry.command());
            }
        }
    }

    static Request readRequest(ByteBuffer in) throws ProtocolException {
        long id = in.getInt() & 0xFFFF_FFFFL;
        String kind = FrameCodec.readString(in);
        int count = in.get() & 0xFF;
        if (count > Request.MAX_ARGUMENTS) {
            throw FrameCodec.malformed("REQUEST holds " + count + " arguments, at most " + Request.MAX_ARGUMENTS);
        }
        Map<String, String> arguments = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = FrameCodec.readString(in);
            if (arguments.put(name, FrameCodec.readString(in)) != null) {
                throw FrameCodec.malformed("REQUEST names argument '" + name + "' twice");
            }
        }
        return new Request(id, kind, arguments); // the constructor refuses ids, names and values out of bounds
    }

    static Response readResponse(ByteBuffer in) throws ProtocolException {
        long id = in.getInt() & 0xFFFF_FFFFL;
        int code = in.get() & 0xFF;
        ResponseStatus status = ResponseStatus.of(code);
        if (status == null) {
            throw FrameCodec.malformed("unknown response status " + code);
        }
        String kind = FrameCodec.readString(in);
        String message = FrameCodec.readString(in);
        if (status != ResponseStatus.OK) {
            return new Response(id, status, kind, message, null);
        }
        if (!RequestKinds.PROCESSES.equals(kind)) {
            throw FrameCodec.malformed("no response body is defined for kind '" + kind + "'");
        }
        return new Response(id, status, kind, message, readProcessTable(in));
    }

    private static ProcessTable readProcessTable(ByteBuffer in) throws ProtocolException {
        long takenAt = in.getLong();
        long interval = in.getInt() & 0xFFFF_FFFFL;
        long total = in.getInt() & 0xFFFF_FFFFL;
        int count = in.getShort() & 0xFFFF;
        if (count > ProcessTable.MAX_ENTRIES) {
            throw FrameCodec.malformed("process table lists " + count + " processes, at most "
                    + ProcessTable.MAX_ENTRIES);
        }
        // refuse counts the payload cannot hold before allocating for them
        if ((long) count * MIN_ENTRY_BYTES > in.remaining()) {
            throw FrameCodec.malformed("process table declares " + count + " processes but holds "
                    + in.remaining() + " bytes");
        }
        List<ProcessEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // the constructor refuses a zero pid, a negative or non-finite CPU, negative memory, over-long strings
            entries.add(new ProcessEntry(in.getInt() & 0xFFFF_FFFFL, FrameCodec.readString(in), in.getDouble(),
                    in.getLong(), FrameCodec.readString(in)));
        }
        return new ProcessTable(takenAt, interval, total, entries);
    }
}
