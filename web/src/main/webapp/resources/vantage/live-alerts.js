/*
 * The live part of the pages that show alerts (alerts.xhtml, alert.xhtml, node.xhtml).
 *
 * The server pushes every alert change of the caller's organization over the Faces websocket channel "alerts"
 * (<f:websocket onmessage="Vantage.alerts.receive">) as {"alertId": N, "alertEventId": M}. The message says only
 * that something changed; the page redraws its alerts through its remote command vantageRefreshAlerts
 * (Vantage.live.redrawOnPush in live.js: reads with the viewer's rights, one more redraw for changes that arrive
 * during one, a redraw after a reconnect). A page showing one alert marks an element with data-refresh-for-alert="N"
 * and redraws only for that alert. Nothing polls.
 *
 * Hooks for tests: <body data-alerts="open|reconnecting|closed"> tells the socket's state and
 * data-alert-changes counts the changes received.
 */
(function (window, document) {
    'use strict';

    var received = 0;

    function concerns(change) {
        var only = document.querySelector('[data-refresh-for-alert]');
        return !only || Number(only.getAttribute('data-refresh-for-alert')) === change.alertId;
    }

    window.Vantage.alerts = window.Vantage.live.redrawOnPush({
        command: 'vantageRefreshAlerts',
        state: 'data-alerts',
        accept: function (change) {
            if (typeof change.alertId !== 'number') {
                return false;
            }
            received++;
            document.body.setAttribute('data-alert-changes', String(received));
            return concerns(change);
        }
    });
})(window, document);
