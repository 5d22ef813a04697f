package io.vantage.agent.collect;

/**
 * One mounted filesystem the agent reports on, from a line of /proc/self/mounts.
 *
 * @param device     what is mounted: {@code /dev/sda1}, {@code server:/export}, a ZFS dataset
 * @param mountPoint where, with the kernel's octal escapes ({@code \040} for a blank) decoded
 * @param type       the filesystem type, for example {@code ext4}
 */
record Mount(String device, String mountPoint, String type) {

    /** NFS and SMB: their statfs waits for a server that may be gone. */
    boolean isRemote() {
        return type.startsWith("nfs") || type.equals("cifs") || type.equals("smb3");
    }

    /**
     * The mount point as one metric name segment: {@code /} is {@code root}; otherwise the leading slash is dropped
     * and what remains goes through {@link DeviceNames#segment}, which turns {@code /} into {@code _}, so
     * {@code /var/log} is {@code var_log}.
     */
    String segment() {
        return mountPoint.equals("/") ? "root" : DeviceNames.segment(mountPoint.substring(1));
    }
}
