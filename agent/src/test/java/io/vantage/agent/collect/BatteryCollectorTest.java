package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatteryCollectorTest {

    @TempDir
    Path powerSupply;

    @Test
    void each_system_battery_reports_its_charge_and_whether_it_is_charging() throws IOException {
        supply("BAT0", "capacity", "87\n", "status", "Charging\n");
        supply("BAT1", "capacity", "100\n", "status", "Full\n");
        supply("AC", "online", "1\n");
        supply("hidpp_battery_0", "capacity", "40\n", "status", "Discharging\n"); // a wireless mouse

        assertEquals(Map.of("battery.BAT0.percent", 87.0, "battery.BAT0.charging", 1.0,
                "battery.BAT1.percent", 100.0, "battery.BAT1.charging", 0.0), collect(powerSupply));
    }

    @Test
    void an_unknown_status_and_a_missing_capacity_leave_out_only_those_metrics() throws IOException {
        supply("BAT0", "status", "Unknown\n");
        supply("BAT1", "status", "Discharging\n");

        assertEquals(Map.of("battery.BAT1.charging", 0.0), collect(powerSupply));
    }

    @Test
    void a_machine_without_batteries_or_without_the_power_supply_class_reports_nothing() throws IOException {
        supply("AC", "online", "1\n");

        assertTrue(collect(powerSupply).isEmpty());
        assertTrue(collect(powerSupply.resolve("missing")).isEmpty());
    }

    private void supply(String name, String... filesAndContents) throws IOException {
        Path dir = Files.createDirectories(powerSupply.resolve(name));
        for (int i = 0; i < filesAndContents.length; i += 2) {
            Files.writeString(dir.resolve(filesAndContents[i]), filesAndContents[i + 1]);
        }
    }

    private static Map<String, Double> collect(Path powerSupply) throws IOException {
        List<Sample> samples = new ArrayList<>();
        new BatteryCollector(powerSupply).collect(1_000L, samples);
        return Fixtures.byName(samples);
    }
}
