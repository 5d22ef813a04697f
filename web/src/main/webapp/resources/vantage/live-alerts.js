/*
 * The live part of the pages that show alerts (alerts.xhtml, alert.xhtml, node.xhtml).
 *
 * The server pushes every alert change of the caller's organization over the Faces websocket channel "alerts"
 * (<f:websocket onmessage="Vantage.alerts.receive">) as {"alertId": N, "alertEventId": M}. The message says only
 * that something changed; the page redraws its alerts through its remote command vantageRefreshAlerts, so what it
 * shows is always read with the viewer's rights. Changes that arrive while a redraw runs make one more redraw when it
 * completes, however many they are. A page showing one alert marks an element with data-refresh-for-alert="N" and
 * redraws only for that alert. Nothing polls.
 *
 * Hooks for tests: <body data-alerts="open|reconnecting|closed"> tells the socket's state and
 * data-alert-changes counts the changes received.
 */
(function (window, document) {
    'use strict';

    var running = false;
    var pending = false;
    var received = 0;
    var everOpened = false;

    function refresh() {
        if (typeof window.vantageRefreshAlerts !== 'function') {
            return;
        }
        if (running) {
            pending = true;
            return;
        }
        running = true;
        pending = false;
        window.vantageRefreshAlerts();
    }

    /* the remote command's oncomplete: runs after success and failure alike */
    function refreshed() {
        running = false;
        if (window.Vantage.live) {
            window.Vantage.live.redrawn();
        }
        if (pending) {
            refresh();
        }
    }

    function concerns(change) {
        var only = document.querySelector('[data-refresh-for-alert]');
        return !only || Number(only.getAttribute('data-refresh-for-alert')) === change.alertId;
    }

    function receive(message) {
        var change;
        try {
            change = typeof message === 'string' ? JSON.parse(message) : message;
        } catch (e) {
            return;
        }
        if (!change || typeof change.alertId !== 'number') {
            return;
        }
        received++;
        document.body.setAttribute('data-alert-changes', String(received));
        if (concerns(change)) {
            refresh();
        }
    }

    function opened() {
        document.body.setAttribute('data-alerts', 'open');
        // after a reconnect (a server restart, a network hiccup) changes may have been missed: redraw once
        if (everOpened) {
            refresh();
        }
        everOpened = true;
    }

    function state(value) {
        return function () {
            document.body.setAttribute('data-alerts', value);
        };
    }

    window.Vantage = window.Vantage || {};
    window.Vantage.alerts = {
        receive: receive,
        refreshed: refreshed,
        opened: opened,
        failed: state('reconnecting'),
        closed: state('closed')
    };
})(window, document);
