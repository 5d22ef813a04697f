/*
 * The live part of the node page's "Checks" panel.
 *
 * Agent check results come with the node's pushed batches on the "live" channel (live.js) as
 * "checks": [{"c": check, "s": "OK"|"WARNING"|"CRITICAL"|"UNKNOWN", "x": status text, "t": finished epoch ms,
 * "d": duration ms}]. A result of a check the panel lists is written into its row (status badge, text, age) unless
 * the row already shows a newer one (data-t). A result of a check the panel does not list yet redraws the panel
 * through its remote command vantageRefreshChecks (Vantage.live.redrawOnPush in live.js), a second later: the push
 * and the result's storage happen side by side, and the redraw reads what is stored, with the viewer's rights. The
 * ages ("12 s ago") move on by the browser's clock every few seconds; nothing asks the server.
 *
 * Hooks for tests: the panel's data-check-results counts the results written into it.
 */
(function (window, document) {
    'use strict';

    var AGE_EVERY_MS = 5000;
    var REDRAW_AFTER_MS = 1000;
    var STATUSES = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'];
    var timer = null;
    var written = 0;

    function panel() {
        return document.querySelector('.checks[data-node-id]');
    }

    /* the same words as CheckRow.age */
    function age(millis) {
        var seconds = Math.max(0, Math.floor((Date.now() - millis) / 1000));
        if (seconds < 60) {
            return seconds + ' s ago';
        }
        if (seconds < 3600) {
            return Math.floor(seconds / 60) + ' min ago';
        }
        if (seconds < 86400) {
            return Math.floor(seconds / 3600) + ' h ago';
        }
        return Math.floor(seconds / 86400) + ' d ago';
    }

    function ages() {
        document.querySelectorAll('.check-age[data-t]').forEach(function (element) {
            var millis = Number(element.getAttribute('data-t'));
            if (millis > 0) {
                element.textContent = age(millis);
            }
        });
    }

    function cell(root, kind, check) {
        var found = null;
        root.querySelectorAll('.' + kind + '[data-check]').forEach(function (element) {
            if (element.getAttribute('data-check') === check) {
                found = element;
            }
        });
        return found;
    }

    /* true when the panel lists the check (whether or not this result was newer) */
    function write(root, result) {
        var when = cell(root, 'check-age', result.c);
        if (!when) {
            return false;
        }
        if (result.t <= Number(when.getAttribute('data-t') || 0)) {
            return true;
        }
        var status = cell(root, 'check-status', result.c);
        var text = cell(root, 'check-text', result.c);
        var state = STATUSES.indexOf(result.s) >= 0 ? result.s : 'UNKNOWN';
        STATUSES.forEach(function (name) {
            status.classList.remove('severity-' + name.toLowerCase());
        });
        status.classList.add('severity-' + state.toLowerCase());
        status.textContent = state;
        text.textContent = result.x;
        when.setAttribute('data-t', result.t);
        when.setAttribute('title', window.Vantage.live.localTime(result.t) + ', took ' + result.d + ' ms');
        when.textContent = age(result.t);
        text.classList.remove('updated');
        void text.offsetWidth; // restarts the CSS animation
        text.classList.add('updated');
        written++;
        root.setAttribute('data-check-results', String(written));
        return true;
    }

    /* redraws one at a time; its refreshed() is the remote command's oncomplete */
    var redraw = window.Vantage.live.redrawOnPush({
        command: 'vantageRefreshChecks',
        state: 'data-checks',
        accept: function () {
            return true;
        }
    });

    function receive(batch) {
        var root = panel();
        if (!root || !Array.isArray(batch.checks) || Number(root.getAttribute('data-node-id')) !== batch.nodeId) {
            return;
        }
        var unlisted = false;
        batch.checks.forEach(function (result) {
            if (result && typeof result.c === 'string' && typeof result.t === 'number' && !write(root, result)) {
                unlisted = true;
            }
        });
        if (unlisted && timer === null) {
            timer = window.setTimeout(function () {
                timer = null;
                redraw.receive({});
            }, REDRAW_AFTER_MS);
        }
    }

    window.Vantage.live.on(receive);
    window.addEventListener('load', function () {
        ages();
        window.setInterval(ages, AGE_EVERY_MS);
    });

    window.Vantage.checks = {
        refreshed: function () {
            redraw.refreshed();
            ages();
        }
    };
})(window, document);
