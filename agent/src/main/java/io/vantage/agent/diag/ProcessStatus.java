package io.vantage.agent.diag;

import java.io.IOException;

/**
 * What a listing shows from {@code /proc/<pid>/status}.
 *
 * @param uid           the effective user id, as top shows the user
 * @param residentBytes {@code VmRSS}, 0 when absent (kernel threads have none)
 */
record ProcessStatus(long uid, long residentBytes) {

    static ProcessStatus parse(long pid, String text) throws IOException {
        long uid = -1;
        long resident = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("Uid:")) {
                // real, effective, saved, filesystem
                String[] ids = line.substring(4).trim().split("\\s+");
                uid = ids.length > 1 ? number(ids[1], pid) : -1;
            } else if (line.startsWith("VmRSS:")) {
                String[] value = line.substring(6).trim().split("\\s+");
                resident = number(value[0], pid) * (value.length > 1 && value[1].equals("kB") ? 1024 : 1);
            }
        }
        if (uid < 0) {
            throw new IOException("status of process " + pid + " names no effective uid");
        }
        return new ProcessStatus(uid, resident);
    }

    private static long number(String text, long pid) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("status of process " + pid + ": '" + text + "' is not a number", e);
        }
    }
}
