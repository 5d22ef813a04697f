/*
 * The node list's part of the live view (index.xhtml). Rows update through live.js; this script notices a push
 * for a node the list does not show yet (a new agent's first batch) and reloads the list through the page's
 * remote command, at most once every few seconds however many new nodes report at once.
 */
(function (window, document) {
    'use strict';

    var MIN_RELOAD_INTERVAL_MS = 3000;
    /* a node still missing after a reload is not asked for again for this long */
    var RETRY_UNKNOWN_AFTER_MS = 60000;

    var lastReload = 0;
    var reloadTimer = null;
    var asked = {};

    function listedIds() {
        var holder = document.querySelector('[data-node-ids]');
        var ids = holder ? holder.getAttribute('data-node-ids').split(' ') : [];
        return ids.filter(function (id) {
            return id.length > 0;
        });
    }

    function reload() {
        reloadTimer = null;
        lastReload = Date.now();
        if (typeof window.vantageReloadNodes === 'function') {
            window.vantageReloadNodes();
        }
    }

    function scheduleReload() {
        if (reloadTimer !== null) {
            return;
        }
        var wait = Math.max(0, lastReload + MIN_RELOAD_INTERVAL_MS - Date.now());
        reloadTimer = window.setTimeout(reload, wait);
    }

    window.Vantage.live.on(function (batch) {
        var id = String(batch.nodeId);
        if (listedIds().indexOf(id) >= 0) {
            return;
        }
        var now = Date.now();
        if (asked[id] && now - asked[id] < RETRY_UNKNOWN_AFTER_MS) {
            return;
        }
        asked[id] = now;
        scheduleReload();
    });
})(window, document);
