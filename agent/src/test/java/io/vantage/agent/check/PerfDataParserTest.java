package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerfDataParserTest {

    private static final double MIB = 1024.0 * 1024;

    @Test
    void check_load_gives_every_load_with_its_thresholds() {
        List<PerfValue> values = PerfDataParser.parse("load1=7.260;;;0; scaled_load1=3.630;5.000;10.000;0; "
                + "load5=4.110;;;0; scaled_load5=2.055;4.000;8.000;0; load15=3.080;;;0; "
                + "scaled_load15=1.540;3.000;6.000;0; ");

        assertEquals(6, values.size());
        assertEquals(new PerfValue("load1", 7.26, null, null, 0.0, null), values.get(0));
        assertEquals(new PerfValue("scaled_load15", 1.54, 3.0, 6.0, 0.0, null), values.get(5));
    }

    @Test
    void check_disk_of_debian_12_reports_bytes() {
        assertEquals(List.of(new PerfValue("/", 26938966016.0, 243497277849.0, 257024904396.0, 0.0,
                        270552530944.0)),
                PerfDataParser.parse(" /=26938966016B;243497277849;257024904396;0;270552530944"));
    }

    @Test
    void megabytes_are_1024_times_1024_bytes_as_older_check_disk_and_check_swap_write_them() {
        assertEquals(List.of(new PerfValue("/boot", 100 * MIB, 400 * MIB, 450 * MIB, 0.0, 500 * MIB),
                        new PerfValue("swap", 2 * 1024 * MIB, null, null, 0.0, null)),
                PerfDataParser.parse("/boot=100MB;400;450;0;500 swap=2GB;;;0"));
        assertEquals(3 * 1024.0, PerfDataParser.parse("size=3KB").get(0).value());
        assertEquals(1024.0 * 1024 * MIB, PerfDataParser.parse("big=1TB").get(0).value());
        assertEquals(5 * MIB, PerfDataParser.parse("free=5MiB").get(0).value());
    }

    @Test
    void times_become_seconds_and_percent_counters_and_plain_numbers_stay() {
        List<PerfValue> values = PerfDataParser.parse(
                "rta=0.052000ms;100.000000;500.000000;0.000000 pl=0%;20;60;0;100 time=0.5s;1;2;0 "
                        + "latency=250us bytes_in=12345c procs=97;;;0; users=0;5;10;0");

        assertEquals(7, values.size());
        assertEquals(0.052e-3, values.get(0).value(), 1e-12);
        assertEquals(0.5, values.get(0).crit(), 1e-12);
        assertEquals(new PerfValue("pl", 0, 20.0, 60.0, 0.0, 100.0), values.get(1));
        assertEquals(new PerfValue("time", 0.5, 1.0, 2.0, 0.0, null), values.get(2));
        assertEquals(250e-6, values.get(3).value(), 1e-15);
        assertEquals(12345.0, values.get(4).value());
        assertEquals(new PerfValue("procs", 97, null, null, 0.0, null), values.get(5));
        assertEquals(new PerfValue("users", 0, 5.0, 10.0, 0.0, null), values.get(6));
    }

    @Test
    void quoted_labels_may_hold_blanks_equals_signs_and_doubled_quotes() {
        List<PerfValue> values = PerfDataParser.parse(
                "'C:\\ Used Space'=10.5GB;20;25;0;30 'a=b'=1 'it''s'=2 'cpu load'=0.5");

        assertEquals(List.of("C:\\ Used Space", "a=b", "it's", "cpu load"),
                values.stream().map(PerfValue::label).toList());
        assertEquals(10.5 * 1024 * MIB, values.get(0).value());
        assertEquals(30.0 * 1024 * MIB, values.get(0).max());
    }

    @Test
    void ranges_give_no_threshold_but_keep_the_value() {
        assertEquals(List.of(new PerfValue("temp", 42, null, null, 0.0, null),
                        new PerfValue("x", 1, null, 5.0, null, null),
                        new PerfValue("y", 2, null, null, null, null)),
                PerfDataParser.parse("temp=42;10:20;@10:30;0; x=1;~:3;5 y=2;10:;@5"));
    }

    @Test
    void missing_fields_and_negative_or_exponent_numbers_are_read() {
        assertEquals(List.of(new PerfValue("offset", -0.0012, -1.0, 2.0, null, null),
                        new PerfValue("e", 1.5e3, null, null, null, null),
                        new PerfValue("dot", 0.5, null, null, null, null)),
                PerfDataParser.parse("offset=-0.0012s;-1;+2 e=1.5e3;; dot=.5"));
    }

    @Test
    void garbage_items_are_skipped_and_the_rest_is_read() {
        List<PerfValue> values = PerfDataParser.parse(
                "ok=1 novalue= =5 junk undetermined=U;1;2 word=abc unit=5furlongs comma=0,5 good=2;;;;;extra");

        assertEquals(List.of("ok", "good"), values.stream().map(PerfValue::label).toList());
    }

    @Test
    void an_unclosed_quote_ends_the_data_and_empty_text_has_none() {
        assertEquals(List.of("a"), PerfDataParser.parse("a=1 'broken=2 b=3").stream()
                .map(PerfValue::label).toList());
        assertTrue(PerfDataParser.parse("").isEmpty());
        assertTrue(PerfDataParser.parse("   \t ").isEmpty());
    }
}
