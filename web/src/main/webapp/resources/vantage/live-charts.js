/*
 * The node page's charts (node.xhtml). Each chart container (class vantage-chart) names its PrimeFaces chart
 * widget in data-chart; every pushed sample of this page's node whose metric one of the chart's lines draws is
 * added to that line, points older than the window are dropped, and the chart redraws without animation.
 *
 * Hooks for tests, kept current on each container: data-points (points drawn over all lines) and
 * data-last-timestamp (epoch ms of the newest point, 0 when empty).
 */
(function (window, document) {
    'use strict';

    var page = null;

    function readPage() {
        var element = document.getElementById('node');
        if (!element) {
            return null;
        }
        return {
            nodeId: Number(element.getAttribute('data-node-id')),
            windowMs: Number(element.getAttribute('data-window-ms')),
            // the window is measured on the server's clock, which stamped the samples' storage queries
            clockOffset: Number(element.getAttribute('data-server-now')) - Date.now()
        };
    }

    /* inserts in time order; a sample already drawn (same instant) only gets its value replaced */
    function insert(points, x, y) {
        var i = points.length;
        while (i > 0 && points[i - 1].x > x) {
            i--;
        }
        if (i > 0 && points[i - 1].x === x) {
            points[i - 1].y = y;
        } else {
            points.splice(i, 0, {x: x, y: y});
        }
    }

    function dropBefore(points, start) {
        var old = 0;
        while (old < points.length && points[old].x < start) {
            old++;
        }
        if (old > 0) {
            points.splice(0, old);
        }
    }

    function update(container, batch, start, end) {
        var widget = window.PrimeFaces && window.PrimeFaces.widgets[container.getAttribute('data-chart')];
        if (!widget) {
            return;
        }
        var chart = widget.chart;
        var data = chart ? chart.data : widget.cfg.config.data;
        var count = 0;
        var last = 0;
        batch.samples.forEach(function (sample) {
            data.datasets.forEach(function (dataset) {
                if (dataset.metric === sample.m) {
                    insert(dataset.data, sample.t, sample.v);
                }
            });
        });
        data.datasets.forEach(function (dataset) {
            dropBefore(dataset.data, start);
            count += dataset.data.length;
            if (dataset.data.length > 0) {
                last = Math.max(last, dataset.data[dataset.data.length - 1].x);
            }
        });
        if (chart) {
            chart.options.scales.x.min = start;
            chart.options.scales.x.max = Math.max(end, last);
            chart.update('none');
        }
        container.setAttribute('data-points', count);
        container.setAttribute('data-last-timestamp', last);
    }

    window.Vantage.live.on(function (batch) {
        page = page || readPage();
        if (!page || batch.nodeId !== page.nodeId) {
            return;
        }
        var end = Date.now() + page.clockOffset;
        var start = end - page.windowMs;
        document.querySelectorAll('.vantage-chart[data-chart]').forEach(function (container) {
            var metrics = container.getAttribute('data-metrics').split(' ');
            var concerned = batch.samples.some(function (sample) {
                return metrics.indexOf(sample.m) >= 0;
            });
            if (concerned) {
                update(container, batch, start, end);
            }
        });
    });
})(window, document);
