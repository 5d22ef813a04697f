package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountTableTest {

    @TempDir
    Path dir;

    @Test
    void disk_and_network_filesystems_are_kept_and_pseudo_filesystems_and_repeated_devices_are_not()
            throws IOException {
        Path mounts = dir.resolve("mounts");
        Fixtures.copy("mounts", mounts);

        assertEquals(List.of(
                new Mount("/dev/mapper/vg-root", "/", "ext4"),
                new Mount("/dev/sda1", "/boot/efi", "vfat"),
                new Mount("/dev/mapper/vg-log", "/var/log", "xfs"),
                new Mount("/dev/sdb1", "/srv/my data", "btrfs"),
                new Mount("fileserver:/export/home", "/home", "nfs4")), MountTable.read(mounts));
    }

    @Test
    void the_table_is_read_at_every_call_and_parsed_again_only_when_it_changed() throws IOException {
        Path mounts = Files.writeString(dir.resolve("mounts"), "/dev/sda1 / ext4 rw 0 0\n");
        MountTable table = new MountTable(mounts);

        List<Mount> first = table.current();
        assertSame(first, table.current());

        Files.writeString(mounts, "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /data xfs rw 0 0\n");
        assertEquals(List.of(new Mount("/dev/sda1", "/", "ext4"), new Mount("/dev/sdb1", "/data", "xfs")),
                table.current());
        Files.writeString(mounts, "/dev/sda1 / ext4 rw 0 0\n");
        assertEquals(first, table.current());
    }

    @Test
    void the_kernels_octal_escapes_are_decoded_and_other_backslashes_kept() {
        assertEquals("/srv/a b\tc\\d", MountTable.unescape("/srv/a\\040b\\011c\\134d"));
        assertEquals("/srv/x\\9", MountTable.unescape("/srv/x\\9"));
    }

    @Test
    void a_mount_point_becomes_one_segment_with_root_for_the_root() {
        assertEquals("root", new Mount("d", "/", "ext4").segment());
        assertEquals("var_log", new Mount("d", "/var/log", "ext4").segment());
        assertEquals("srv_my_data", new Mount("d", "/srv/my data", "ext4").segment());
        assertEquals("media_Jos_", new Mount("d", "/media/José", "vfat").segment());
    }

    @Test
    void nfs_and_smb_mounts_are_remote_and_disk_filesystems_are_not() {
        assertEquals(List.of(true, true, true, true, false),
                List.of(new Mount("s:/e", "/a", "nfs").isRemote(), new Mount("s:/e", "/a", "nfs4").isRemote(),
                        new Mount("//s/e", "/a", "cifs").isRemote(), new Mount("//s/e", "/a", "smb3").isRemote(),
                        new Mount("/dev/sda1", "/a", "ext4").isRemote()));
    }
}
