/*
 * The live part of the node page's "Processes" panel.
 *
 * While the panel's socket (<f:websocket channel="processes">) is open the server lists the node's processes every
 * few seconds and pushes {"nodeId": N, "sort": "cpu"|"memory"} when a newer listing is there. The message carries no
 * processes; the panel redraws through its remote command vantageRefreshProcesses, which reads the listing the server
 * keeps, with the viewer's rights (Vantage.live.redrawOnPush in live.js). Only a listing of the panel's own node and
 * order redraws it; pushes arriving during a redraw make one more when it completes; after a reconnect the server has
 * forgotten the panel's order, and the redraw that follows tells it again. Nothing polls.
 *
 * Hooks for tests: <body data-processes="open|reconnecting|closed"> tells the socket's state, and the panel's
 * data-taken-at the time of the listing shown.
 */
(function (window, document) {
    'use strict';

    window.Vantage.processes = window.Vantage.live.redrawOnPush({
        command: 'vantageRefreshProcesses',
        state: 'data-processes',
        accept: function (listed) {
            var shown = document.querySelector('.processes[data-node-id]');
            return shown !== null && Number(shown.getAttribute('data-node-id')) === listed.nodeId
                && shown.getAttribute('data-sort') === listed.sort;
        }
    });
})(window, document);
