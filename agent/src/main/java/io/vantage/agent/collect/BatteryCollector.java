package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Charge of each system battery, from /sys/class/power_supply/BAT*: {@code battery.<name>.percent} (the
 * {@code capacity} file) and {@code battery.<name>.charging}, 1 while the status is {@code Charging} and 0 for any
 * other known status. Machines without a battery, most servers, report nothing. Only {@code BAT*} supplies count:
 * the batteries of wireless mice and keyboards appear under other names.
 */
public final class BatteryCollector implements Collector {

    private final Path powerSupply;
    private final DeviceNames names = new DeviceNames("battery.", "percent", "charging");

    /** @param powerSupply the /sys/class/power_supply directory */
    public BatteryCollector(Path powerSupply) {
        this.powerSupply = powerSupply;
    }

    @Override
    public String name() {
        return "battery";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        if (!Files.isDirectory(powerSupply)) {
            return; // no power supply class at all: containers, some virtual machines
        }
        try (DirectoryStream<Path> supplies = Files.newDirectoryStream(powerSupply)) {
            for (Path supply : supplies) {
                String battery = supply.getFileName().toString();
                if (battery.startsWith("BAT")) {
                    add(supply, names.of(battery), timestampMillis, into);
                }
            }
        }
    }

    private static void add(Path supply, String[] names, long timestampMillis, List<Sample> into)
            throws IOException {
        String capacity = read(supply.resolve("capacity"));
        if (capacity != null) {
            into.add(new Sample(names[0], timestampMillis, ProcFiles.parseLong(capacity, supply)));
        }
        String status = read(supply.resolve("status"));
        if (status != null && !status.equals("Unknown")) {
            // Discharging, Full and "Not charging" (plugged in but held below full) all mean no charge going in
            into.add(new Sample(names[1], timestampMillis, status.equals("Charging") ? 1 : 0));
        }
    }

    /**
     * The file's first line, trimmed, or {@code null} when it cannot be read: a battery may lack the file, and an
     * empty battery bay answers reads with ENODEV; neither is a reason to drop the other batteries.
     */
    private static String read(Path file) {
        try {
            return ProcFiles.firstLine(file, line -> !line.isBlank()).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
