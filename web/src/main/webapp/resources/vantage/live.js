/*
 * Vantage live view, shared by every console page.
 *
 * The server pushes each metric batch of the caller's organization over the Faces websocket channel "live"
 * (<f:websocket onmessage="Vantage.live.receive">) as {"nodeId": N, "samples": [{"m": metric, "t": epoch ms,
 * "v": value}]}. This script keeps every value cell of the page current: an element with data-node-id and
 * data-metric shows that metric's newest value (class metric-value) or its time (class metric-time); an element
 * with class last-seen and data-node-id shows when the node was last heard from. Cells carry the timestamp of what
 * they show in data-t, so an older or repeated sample never overwrites a newer one. Pages add their own behaviour
 * with Vantage.live.on(function (batch) { ... }). Parts of a page that another socket only tells "something changed"
 * redraw through Vantage.live.redrawOnPush (live-alerts.js, live-processes.js).
 *
 * Hook for tests: <body data-live="open|reconnecting|closed"> tells the websocket's state.
 */
(function (window, document) {
    'use strict';

    var BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    var listeners = [];
    var queued = [];
    var ready = false;
    /* newest pushed sample per node and metric: re-applied when an ajax update redraws cells from older data */
    var newest = {};

    /* the same rules as MetricFormat.java, so rendered and pushed values look alike */
    function format(metric, value) {
        if (!isFinite(value)) {
            return '\u2013';
        }
        if (/_percent$/.test(metric) || metric.indexOf('cpu.') === 0) {
            return value.toFixed(1) + ' %';
        }
        if (/_bytes$/.test(metric)) {
            var unit = 0;
            while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
                value /= 1024;
                unit++;
            }
            return unit === 0 ? value.toFixed(0) + ' B' : value.toFixed(1) + ' ' + BYTE_UNITS[unit];
        }
        if (metric.indexOf('load.') === 0) {
            return value.toFixed(2);
        }
        return String(parseFloat(value.toFixed(3)));
    }

    function pad(n) {
        return n < 10 ? '0' + n : String(n);
    }

    function localTime(millis) {
        var d = new Date(millis);
        return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
            + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
    }

    function flash(element) {
        element.classList.remove('updated');
        void element.offsetWidth; // restarts the CSS animation
        element.classList.add('updated');
    }

    /* every server-rendered time (UTC) into the browser's zone */
    function localizeTimes(root) {
        root.querySelectorAll('[data-time]').forEach(function (element) {
            var millis = Number(element.getAttribute('data-time'));
            if (millis > 0) {
                element.textContent = localTime(millis);
            }
        });
    }

    function applyNode(nodeId) {
        var values = newest[nodeId] || {};
        var latest = 0;
        document.querySelectorAll('[data-node-id="' + nodeId + '"][data-metric]').forEach(function (element) {
            var metric = element.getAttribute('data-metric');
            var sample = values[metric];
            if (!sample || sample.t <= Number(element.getAttribute('data-t') || 0)) {
                return;
            }
            element.setAttribute('data-t', sample.t);
            if (element.classList.contains('metric-time')) {
                element.setAttribute('data-time', sample.t);
                element.textContent = localTime(sample.t);
            } else {
                element.setAttribute('data-value', sample.v);
                element.textContent = format(metric, sample.v);
                flash(element);
            }
        });
        Object.keys(values).forEach(function (metric) {
            latest = Math.max(latest, values[metric].t);
        });
        document.querySelectorAll('.last-seen[data-node-id="' + nodeId + '"]').forEach(function (element) {
            if (latest > Number(element.getAttribute('data-time') || 0)) {
                element.setAttribute('data-time', latest);
                element.textContent = localTime(latest);
            }
        });
    }

    function applyAll() {
        localizeTimes(document);
        Object.keys(newest).forEach(applyNode);
    }

    function remember(batch) {
        var values = newest[batch.nodeId] || (newest[batch.nodeId] = {});
        batch.samples.forEach(function (sample) {
            var known = values[sample.m];
            if (!known || sample.t > known.t) {
                values[sample.m] = sample;
            }
        });
    }

    function dispatch(batch) {
        remember(batch);
        applyNode(batch.nodeId);
        listeners.forEach(function (listener) {
            listener(batch);
        });
    }

    function receive(message) {
        var batch;
        try {
            batch = typeof message === 'string' ? JSON.parse(message) : message;
        } catch (e) {
            return;
        }
        if (!batch || typeof batch.nodeId !== 'number' || !Array.isArray(batch.samples)) {
            return;
        }
        if (ready) {
            dispatch(batch);
        } else {
            // the socket may open before the page's widgets exist: hold the batch until the page has loaded
            queued.push(batch);
        }
    }

    /* sets a body attribute that tells tests a socket's state */
    function state(attribute, value) {
        return function () {
            document.body.setAttribute(attribute, value);
        };
    }

    /*
     * For redraws PrimeFaces does not announce (remote commands with global="false" fire no pfAjaxComplete): brings
     * the redrawn cells up to date with pushed values and shows their times in the browser's zone.
     */
    function redrawn() {
        if (ready) {
            applyAll();
        }
    }

    /*
     * The handlers of a socket whose messages only say that something changed, for a part of the page that then
     * redraws through its remote command, so what it shows is always read with the viewer's rights. Nothing polls.
     * A message that options.accept(message) takes (parsed from JSON) redraws; messages arriving while a redraw runs
     * make one more redraw when it completes, however many they are. A reconnect (a server restart, a network hiccup)
     * redraws once, since changes may have been missed meanwhile.
     *
     * options.command: the name of the remote command (window[command]()); options.state: the body attribute that
     * tells tests the socket's state (open, reconnecting, closed); options.accept: whether a message concerns the part.
     * Returns receive, opened, failed and closed for <f:websocket>, and refreshed for the remote command's oncomplete
     * (it runs after success and failure alike).
     */
    function redrawOnPush(options) {
        var running = false;
        var pending = false;
        var everOpened = false;

        function refresh() {
            var command = window[options.command];
            if (typeof command !== 'function') {
                return;
            }
            if (running) {
                pending = true;
                return;
            }
            running = true;
            pending = false;
            command();
        }

        return {
            receive: function (message) {
                var parsed;
                try {
                    parsed = typeof message === 'string' ? JSON.parse(message) : message;
                } catch (e) {
                    return;
                }
                if (parsed && options.accept(parsed)) {
                    refresh();
                }
            },
            refreshed: function () {
                running = false;
                redrawn();
                if (pending) {
                    refresh();
                }
            },
            opened: function () {
                document.body.setAttribute(options.state, 'open');
                if (everOpened) {
                    refresh();
                }
                everOpened = true;
            },
            failed: state(options.state, 'reconnecting'),
            closed: state(options.state, 'closed')
        };
    }

    window.addEventListener('load', function () {
        ready = true;
        applyAll();
        queued.splice(0).forEach(dispatch);
        if (window.jQuery) {
            // sorting, filtering or reloading a table redraws its cells from the page's data: bring them up to date
            window.jQuery(document).on('pfAjaxComplete', applyAll);
        }
    });

    window.Vantage = window.Vantage || {};
    window.Vantage.live = {
        receive: receive,
        on: function (listener) {
            listeners.push(listener);
        },
        format: format,
        localTime: localTime,
        redrawn: redrawn,
        redrawOnPush: redrawOnPush,
        /*
         * Closes the page's sockets (the live one and, on pages showing alerts or processes, theirs) before signing
         * out: Undertow fails (an error in the log) when it has to close a session's open websockets itself while the
         * session is being invalidated.
         */
        close: function () {
            if (window.faces && window.faces.push) {
                ['live', 'alertsSocket', 'processesSocket'].forEach(function (socket) {
                    try {
                        window.faces.push.close(socket);
                    } catch (e) {
                        // no such socket on this page: nothing to close
                    }
                });
            }
        },
        opened: state('data-live', 'open'),
        failed: state('data-live', 'reconnecting'),
        closed: state('data-live', 'closed')
    };
})(window, document);
