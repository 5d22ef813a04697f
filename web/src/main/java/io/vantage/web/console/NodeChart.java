package io.vantage.web.console;

import java.util.List;

/**
 * The three charts of the node page and the series each one draws. The page's markup names them by {@link #id()};
 * live.js finds a pushed sample's chart by its metric name.
 */
enum NodeChart {

    CPU("cpu", "CPU", "%", List.of(
            new Series("cpu.user", "user", "#2a7ab0"),
            new Series("cpu.system", "system", "#d9822b"),
            new Series("cpu.iowait", "iowait", "#b03a48"),
            new Series("cpu.total", "total", "#3c4b5a"))),
    MEMORY("memory", "Memory and swap", "%", List.of(
            new Series("mem.used_percent", "memory used", "#2e8b57"),
            new Series("swap.used_percent", "swap used", "#8e5ea2"))),
    LOAD("load", "Load average", "", List.of(
            new Series("load.1m", "1 min", "#2a7ab0"),
            new Series("load.5m", "5 min", "#d9822b"),
            new Series("load.15m", "15 min", "#3c4b5a")));

    /**
     * One line of a chart.
     *
     * @param metric the metric it draws
     * @param label  what the legend calls it
     * @param color  its line colour
     */
    record Series(String metric, String label, String color) {
    }

    private final String id;
    private final String title;
    private final String unit;
    private final List<Series> series;

    NodeChart(String id, String title, String unit, List<Series> series) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.series = series;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    /** "%" for charts on a 0-100 axis, empty for unitless ones. */
    String unit() {
        return unit;
    }

    List<Series> series() {
        return series;
    }
}
