/*
 * The live part of the node page's "Processes" panel.
 *
 * While the panel's socket (<f:websocket channel="processes">) is open the server lists the node's processes every
 * few seconds and pushes {"nodeId": N, "sort": "cpu"|"memory"} when a newer listing is there. The message carries no
 * processes; the panel redraws through its remote command vantageRefreshProcesses, which reads the listing the server
 * keeps, with the viewer's rights. Only a listing of the panel's own node and order redraws it; pushes arriving
 * during a redraw make one more when it completes. Nothing polls.
 *
 * Hooks for tests: <body data-processes="open|reconnecting|closed"> tells the socket's state, and the panel's
 * data-taken-at the time of the listing shown.
 */
(function (window, document) {
    'use strict';

    var running = false;
    var pending = false;
    var everOpened = false;

    function panel() {
        return document.querySelector('.processes[data-node-id]');
    }

    function refresh() {
        if (typeof window.vantageRefreshProcesses !== 'function') {
            return;
        }
        if (running) {
            pending = true;
            return;
        }
        running = true;
        pending = false;
        window.vantageRefreshProcesses();
    }

    /* the remote command's oncomplete: runs after success and failure alike */
    function refreshed() {
        running = false;
        if (window.Vantage.live) {
            // the listing's time is shown in the browser's zone, like every other time on the page
            window.Vantage.live.redrawn();
        }
        if (pending) {
            refresh();
        }
    }

    function receive(message) {
        var listed;
        try {
            listed = typeof message === 'string' ? JSON.parse(message) : message;
        } catch (e) {
            return;
        }
        var shown = panel();
        if (!listed || !shown || Number(shown.getAttribute('data-node-id')) !== listed.nodeId
                || shown.getAttribute('data-sort') !== listed.sort) {
            return;
        }
        refresh();
    }

    function opened() {
        document.body.setAttribute('data-processes', 'open');
        // after a reconnect the server forgot this panel's order: redrawing tells it again
        if (everOpened) {
            refresh();
        }
        everOpened = true;
    }

    function state(value) {
        return function () {
            document.body.setAttribute('data-processes', value);
        };
    }

    window.Vantage = window.Vantage || {};
    window.Vantage.processes = {
        receive: receive,
        refreshed: refreshed,
        opened: opened,
        failed: state('reconnecting'),
        closed: state('closed')
    };
})(window, document);
