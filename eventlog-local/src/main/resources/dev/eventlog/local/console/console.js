// The EventLog console: browses, charts and records events through the HTTP API, as any browser client would,
// across origins (the API's CORS configuration decides whether this page may read its answers).
'use strict';

(function () {
    const config = window.EVENTLOG_CONSOLE_CONFIG || { apiUrl: null, apiPort: 3000, iam: false };
    // An API listening on every address is called on the host name this page came from, which the browser reached.
    const apiBase = config.apiUrl || (location.protocol + '//' + location.hostname + ':' + config.apiPort);
    const SVG = 'http://www.w3.org/2000/svg';

    const state = {
        query: null,
        events: [],
        nextToken: null,
        selected: -1,
        // Each load takes a number; an answer that arrives after a newer load started is dropped.
        generation: 0
    };

    function byId(id) {
        return document.getElementById(id);
    }

    function element(tag, text, className) {
        const node = document.createElement(tag);
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        if (className) {
            node.className = className;
        }
        return node;
    }

    function pad(number, width) {
        return String(number).padStart(width || 2, '0');
    }

    function todayUtc() {
        return new Date().toISOString().slice(0, 10);
    }

    function addDays(day, days) {
        return new Date(Date.parse(day + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);
    }

    function plural(count, word) {
        return count + ' ' + word + (count === 1 ? '' : 's');
    }

    // ---- Talking to the API -------------------------------------------------------------------------------------

    // A failed fetch hides its reason from scripts. An opaque (no-cors) request to the same API tells the two
    // usual causes apart: it succeeds when the API is up but refuses this origin, and fails when nothing answers.
    async function explainNetworkFailure() {
        try {
            await fetch(apiBase + '/events?limit=1', { mode: 'no-cors', cache: 'no-store' });
            return 'The API at ' + apiBase + ' is running, but its CORS configuration does not allow this page\'s '
                + 'origin (' + location.origin + '), so the browser blocked its answers. Start serve without '
                + '--cors-allow-origins (its default lets the console in), or add ' + location.origin
                + ' to --cors-allow-origins.';
        } catch (e) {
            return 'Cannot reach the API at ' + apiBase + '. Is serve still running?';
        }
    }

    async function callApi(path, options) {
        let response;
        try {
            response = await fetch(apiBase + path, Object.assign({ cache: 'no-store' }, options));
        } catch (e) {
            return { status: 0, body: null, text: '', networkFailure: await explainNetworkFailure() };
        }
        const text = await response.text();
        let body = null;
        try {
            body = text ? JSON.parse(text) : null;
        } catch (e) {
            body = null;
        }
        return { status: response.status, body: body, text: text };
    }

    // Plain words for an answer that is not a success: a summary, the API's own detail, and any field errors.
    function describeFailure(result) {
        if (result.status === 0) {
            return { summary: result.networkFailure, detail: '', errors: [] };
        }
        const body = result.body && typeof result.body === 'object' ? result.body : {};
        const detail = body.detail || body.message || (body.title ? body.title : '');
        const errors = Array.isArray(body.errors) ? body.errors : [];
        let summary;
        switch (result.status) {
            case 400:
                summary = 'The API refused the request as invalid (400).';
                break;
            case 403:
                summary = config.iam
                    ? 'The API requires IAM (SigV4) signatures, which this console does not make (403). '
                        + 'Browse with serve started without --iam.'
                    : 'The API refused the request (403).';
                break;
            case 404:
                summary = 'Nothing was found there (404).';
                break;
            case 409:
                summary = 'Conflict (409): an event with this identity already holds different content. '
                    + 'Nothing was changed.';
                break;
            case 413:
                summary = 'The request is too large for the API (413).';
                break;
            case 503:
                summary = 'The store is unavailable or throttled right now (503). Nothing was lost; '
                    + 'try again in a moment.';
                break;
            default:
                summary = result.status >= 500
                    ? 'The API failed to answer (' + result.status + '). Its log on the terminal that runs '
                        + 'serve says why.'
                    : 'The API answered with status ' + result.status + '.';
        }
        return { summary: summary, detail: detail, errors: errors };
    }

    function showFailure(container, failure) {
        container.replaceChildren(element('p', failure.summary));
        if (failure.detail) {
            container.appendChild(element('p', failure.detail));
        }
        if (failure.errors.length > 0) {
            const list = element('ul');
            failure.errors.forEach(function (error) {
                list.appendChild(element('li', error.field + ': ' + error.message));
            });
            container.appendChild(list);
        }
        container.hidden = false;
    }

    function segment(value) {
        // ':' is legal in a path segment, and a permalink reads better with the time left as it is.
        return encodeURIComponent(value).replace(/%3A/gi, ':');
    }

    function permalinkOf(event) {
        let path = '/events/' + segment(event.date) + '/' + segment(event.time);
        if (event.eventId) {
            path += '/' + segment(event.eventId);
        }
        return path;
    }

    // ---- The day to open on -------------------------------------------------------------------------------------

    // The API reads a range of at most 366 days, newest first only within a range.
    const RANGE_DAYS = 366;
    // Bounds the search when the log's oldest day is not known: a century of empty ranges, then today.
    const MAX_RANGES = 100;

    // The first event of a read, following NextToken past pages that came back empty (a read that spent its
    // budget); null when there is none, or when the API cannot be read (load then says why).
    async function firstEvent(path) {
        let token = null;
        do {
            const result = await callApi(path + (token ? '&nextToken=' + encodeURIComponent(token) : ''),
                { method: 'GET' });
            if (result.status !== 200 || !result.body || !Array.isArray(result.body.Items)) {
                return { event: null, readable: false };
            }
            if (result.body.Items.length > 0) {
                return { event: result.body.Items[0], readable: true };
            }
            token = result.body.NextToken || null;
        } while (token);
        return { event: null, readable: true };
    }

    // The newest day that has events, so that a log of past events (the examples' 2024, an import) does not open
    // on an empty today. Any event bounds the search from below; ranges of a year are then read newest first,
    // from the later of tomorrow and that event's day back to it.
    async function newestDay() {
        const any = await firstEvent('/events?limit=1');
        if (!any.event) {
            return null;
        }
        const oldestBound = any.event.date;
        let end = addDays(oldestBound > todayUtc() ? oldestBound : todayUtc(), 1);
        for (let ranges = 0; ranges < MAX_RANGES && end > oldestBound; ranges++) {
            const from = addDays(end, -RANGE_DAYS);
            const newest = await firstEvent('/events?' + queryString([
                ['from', from + 'T00:00:00.000'], ['to', end + 'T00:00:00.000'], ['order', 'desc'], ['limit', '1']]));
            if (newest.event) {
                return newest.event.date;
            }
            if (!newest.readable) {
                return oldestBound;
            }
            end = from;
        }
        return oldestBound;
    }

    // A valid ?date=YYYY-MM-DD in the page's address wins; else the newest day with events; else today.
    async function openingDate() {
        const asked = new URLSearchParams(location.search).get('date');
        if (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && !isNaN(Date.parse(asked + 'T00:00:00Z'))) {
            return asked;
        }
        return (await newestDay()) || todayUtc();
    }

    // ---- Browsing ---------------------------------------------------------------------------------------------

    // A datetime-local value ("2024-05-06T01:15" or with seconds and fraction) as the API's range bound.
    function toApiDateTime(value) {
        const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
        if (!match) {
            return null;
        }
        return match[1] + 'T' + match[2] + ':' + match[3] + ':' + (match[4] || '00') + '.'
            + (match[5] || '').padEnd(3, '0');
    }

    function readQuery() {
        const params = [];
        let chartDay;
        if (byId('view-range').checked) {
            const from = toApiDateTime(byId('from').value);
            const to = toApiDateTime(byId('to').value);
            if (!from || !to) {
                throw new Error('Give both ends of the range: a "From" and a "To" date and time.');
            }
            params.push(['from', from], ['to', to]);
            chartDay = from.slice(0, 10);
        } else {
            const day = byId('day').value;
            if (!day) {
                throw new Error('Choose a day.');
            }
            params.push(['date', day]);
            chartDay = day;
        }
        if (byId('filter-user').value !== '') {
            params.push(['userId', byId('filter-user').value]);
        }
        if (byId('filter-type').value !== '') {
            params.push(['eventType', byId('filter-type').value]);
        }
        params.push(['order', byId('order').value], ['limit', byId('limit').value.trim() || '100']);
        return { params: params, chartDay: chartDay };
    }

    function queryString(params) {
        return params.map(function (pair) {
            return encodeURIComponent(pair[0]) + '=' + encodeURIComponent(pair[1]);
        }).join('&');
    }

    async function load(continuation) {
        const error = byId('browse-error');
        error.hidden = true;
        if (!continuation) {
            try {
                state.query = readQuery();
            } catch (e) {
                showFailure(error, { summary: e.message, detail: '', errors: [] });
                return;
            }
            state.events = [];
            state.nextToken = null;
            state.selected = -1;
            byId('detail').hidden = true;
        }
        const generation = ++state.generation;
        const params = state.query.params.slice();
        if (continuation && state.nextToken) {
            params.push(['nextToken', state.nextToken]);
        }
        setBusy(true);
        const result = await callApi('/events?' + queryString(params), { method: 'GET' });
        if (generation !== state.generation) {
            return;
        }
        setBusy(false);
        if (result.status === 200 && result.body && Array.isArray(result.body.Items)) {
            state.events = state.events.concat(result.body.Items);
            state.nextToken = result.body.NextToken || null;
        } else {
            showFailure(error, describeFailure(result));
        }
        render();
    }

    // Load stays usable while a page is on its way: a newer load simply wins (see state.generation).
    function setBusy(busy) {
        byId('next-page').disabled = busy || !state.nextToken;
        byId('events').setAttribute('aria-busy', busy ? 'true' : 'false');
    }

    function render() {
        const count = state.events.length;
        let summary = plural(count, 'event') + ' loaded';
        if (state.nextToken) {
            summary += '; more remain (Next page loads them).';
        } else {
            summary += count > 0 ? '; that is all of them.' : '.';
        }
        byId('loaded-count').textContent = summary;
        byId('next-page').disabled = !state.nextToken;
        renderTable();
        renderChart();
    }

    function attributesText(attributes) {
        if (!attributes || typeof attributes !== 'object') {
            return '';
        }
        return Object.keys(attributes).map(function (name) {
            return name + '=' + attributes[name];
        }).join(', ');
    }

    function renderTable() {
        const body = byId('events-body');
        body.replaceChildren();
        state.events.forEach(function (event, index) {
            const row = element('tr');
            row.tabIndex = 0;
            row.dataset.index = String(index);
            if (index === state.selected) {
                row.className = 'selected';
                row.setAttribute('aria-current', 'true');
            }
            row.appendChild(element('td', event.date + ' ' + event.time, 'mono'));
            row.appendChild(element('td', event.userId));
            row.appendChild(element('td', event.eventType));
            row.appendChild(element('td', attributesText(event.attributes)));
            row.appendChild(element('td', event.eventId || '', 'mono'));
            row.addEventListener('click', function () {
                select(index);
            });
            row.addEventListener('keydown', function (keyEvent) {
                if (keyEvent.key === 'Enter' || keyEvent.key === ' ') {
                    keyEvent.preventDefault();
                    select(index);
                } else if (keyEvent.key === 'ArrowDown' && row.nextElementSibling) {
                    keyEvent.preventDefault();
                    row.nextElementSibling.focus();
                } else if (keyEvent.key === 'ArrowUp' && row.previousElementSibling) {
                    keyEvent.preventDefault();
                    row.previousElementSibling.focus();
                }
            });
            body.appendChild(row);
        });
    }

    function select(index) {
        state.selected = index;
        const event = state.events[index];
        const path = permalinkOf(event);
        const link = byId('permalink');
        link.textContent = path;
        link.href = apiBase + path;
        byId('event-json').textContent = JSON.stringify(event, null, 2);
        byId('detail').hidden = false;
        Array.prototype.forEach.call(byId('events-body').rows, function (row) {
            const chosen = row.dataset.index === String(index);
            row.className = chosen ? 'selected' : '';
            if (chosen) {
                row.setAttribute('aria-current', 'true');
            } else {
                row.removeAttribute('aria-current');
            }
        });
    }

    // ---- Chart ------------------------------------------------------------------------------------------------

    function svg(tag, attributes, text) {
        const node = document.createElementNS(SVG, tag);
        Object.keys(attributes).forEach(function (name) {
            node.setAttribute(name, attributes[name]);
        });
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function renderChart() {
        const chart = byId('chart');
        chart.replaceChildren();
        const day = state.query ? state.query.chartDay : byId('day').value;
        const hour = byId('chart-zoom').value;
        const perMinute = hour !== '';
        const buckets = perMinute ? 60 : 24;
        const counts = new Array(buckets).fill(0);
        let drawn = 0;
        let otherDays = 0;
        state.events.forEach(function (event) {
            if (event.date !== day) {
                otherDays++;
                return;
            }
            if (perMinute && event.time.slice(0, 2) !== hour) {
                return;
            }
            const bucket = parseInt(perMinute ? event.time.slice(3, 5) : event.time.slice(0, 2), 10);
            if (bucket >= 0 && bucket < buckets) {
                counts[bucket]++;
                drawn++;
            }
        });

        byId('chart-heading').textContent = perMinute
            ? 'Events per minute, ' + day + ' ' + hour + ':00-' + hour + ':59 UTC'
            : 'Events per hour, ' + day + ' (UTC)';
        let note = 'Drawn from the ' + plural(state.events.length, 'event') + ' loaded: ' + drawn + ' of them '
            + (perMinute ? 'in this hour' : 'on this day') + '.';
        if (otherDays > 0) {
            note += ' ' + plural(otherDays, 'loaded event') + ' of other days ' + (otherDays === 1 ? 'is' : 'are')
                + ' not drawn.';
        }
        if (state.nextToken) {
            note += ' More events remain unloaded, so this chart may show only part of the day.';
        }
        byId('chart-note').textContent = note;

        const left = 40;
        const top = 12;
        const width = 670;
        const height = 170;
        const max = Math.max(1, Math.max.apply(null, counts));
        const slot = width / buckets;
        const bottom = top + height;
        chart.appendChild(svg('line', { x1: left, y1: bottom, x2: left + width, y2: bottom, 'class': 'axis' }));
        chart.appendChild(svg('line', { x1: left, y1: top, x2: left, y2: top + height, 'class': 'axis' }));
        chart.appendChild(svg('text', { x: left - 6, y: top + 10, 'text-anchor': 'end' }, String(max)));
        chart.appendChild(svg('text', { x: left - 6, y: top + height, 'text-anchor': 'end' }, '0'));
        counts.forEach(function (count, bucket) {
            const barHeight = count / max * height;
            const label = perMinute ? hour + ':' + pad(bucket) : pad(bucket) + ':00-' + pad(bucket) + ':59';
            const bar = svg('rect', {
                'class': 'bar',
                x: (left + bucket * slot + slot * 0.1).toFixed(2),
                y: (top + height - barHeight).toFixed(2),
                width: (slot * 0.8).toFixed(2),
                height: barHeight.toFixed(2),
                'data-bucket': pad(bucket),
                'data-count': String(count)
            });
            bar.appendChild(svg('title', {}, label + ': ' + plural(count, 'event')));
            if (!perMinute && count > 0) {
                // A bar with events zooms into its hour, by mouse or keyboard.
                bar.setAttribute('tabindex', '0');
                bar.setAttribute('role', 'button');
                bar.setAttribute('aria-label', label + ': ' + plural(count, 'event') + '. Show per minute.');
                bar.addEventListener('click', function () {
                    zoomTo(pad(bucket));
                });
                bar.addEventListener('keydown', function (keyEvent) {
                    if (keyEvent.key === 'Enter' || keyEvent.key === ' ') {
                        keyEvent.preventDefault();
                        zoomTo(pad(bucket));
                    }
                });
            }
            chart.appendChild(bar);
            const every = perMinute ? 10 : 3;
            if (bucket % every === 0) {
                chart.appendChild(svg('text', {
                    x: (left + bucket * slot + slot / 2).toFixed(2),
                    y: top + height + 16,
                    'text-anchor': 'middle'
                }, perMinute ? ':' + pad(bucket) : pad(bucket) + 'h'));
            }
        });
    }

    function zoomTo(hour) {
        byId('chart-zoom').value = hour;
        renderChart();
        byId('chart-zoom').focus();
    }

    // ---- Recording ----------------------------------------------------------------------------------------------

    let attributeRows = 0;

    function addAttributeRow() {
        const number = ++attributeRows;
        const row = element('div', null, 'attribute-row');
        [['name', 'Name'], ['value', 'Value']].forEach(function (part) {
            const field = element('div', null, 'field');
            const input = element('input');
            input.type = 'text';
            input.id = 'attribute-' + part[0] + '-' + number;
            input.className = 'attribute-' + part[0];
            input.autocomplete = 'off';
            const label = element('label', part[1] + ' of attribute ' + number);
            label.htmlFor = input.id;
            field.append(label, input);
            row.appendChild(field);
        });
        const remove = element('button', 'Remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', 'Remove attribute ' + number);
        remove.addEventListener('click', function () {
            row.remove();
            byId('add-attribute').focus();
        });
        row.appendChild(remove);
        byId('attribute-rows').appendChild(row);
        return row;
    }

    function fillNow() {
        const now = new Date().toISOString();
        byId('record-date').value = now.slice(0, 10);
        byId('record-time').value = now.slice(11, 23);
    }

    const FIELD_INPUTS = { date: 'record-date', time: 'record-time', userId: 'record-user', eventType: 'record-type' };

    function clearFieldErrors() {
        Object.keys(FIELD_INPUTS).forEach(function (field) {
            byId(FIELD_INPUTS[field]).removeAttribute('aria-invalid');
            byId(FIELD_INPUTS[field] + '-error').textContent = '';
        });
        document.querySelectorAll('#attribute-rows input').forEach(function (input) {
            input.removeAttribute('aria-invalid');
        });
    }

    // Each field error of a problem is also shown next to its input, so the form says what to fix where.
    function markFieldErrors(errors) {
        errors.forEach(function (error) {
            const field = String(error.field || '');
            const inputId = FIELD_INPUTS[field] || (field === 'timestamp' ? 'record-time' : null);
            if (inputId) {
                byId(inputId).setAttribute('aria-invalid', 'true');
                const note = byId(inputId + '-error');
                note.textContent = (note.textContent ? note.textContent + ' ' : '') + error.message;
            } else if (field.indexOf('attributes') === 0) {
                document.querySelectorAll('#attribute-rows .attribute-name').forEach(function (input) {
                    if (field === 'attributes' || field === 'attributes.' + input.value) {
                        input.setAttribute('aria-invalid', 'true');
                    }
                });
            }
        });
    }

    function readEvent() {
        const event = {};
        const date = byId('record-date').value.trim();
        const time = byId('record-time').value.trim();
        // With neither, the API stamps the current time; with one of them, it says which one is missing.
        if (date !== '') {
            event.date = date;
        }
        if (time !== '') {
            event.time = time;
        }
        event.userId = byId('record-user').value;
        event.eventType = byId('record-type').value;
        const attributes = {};
        let any = false;
        document.querySelectorAll('#attribute-rows .attribute-row').forEach(function (row) {
            const name = row.querySelector('.attribute-name').value;
            const value = row.querySelector('.attribute-value').value;
            if (name === '' && value === '') {
                return;
            }
            if (Object.prototype.hasOwnProperty.call(attributes, name)) {
                throw new Error('The attribute "' + name + '" is given twice; give each name once.');
            }
            attributes[name] = value;
            any = true;
        });
        if (any) {
            event.attributes = attributes;
        }
        return event;
    }

    async function record() {
        const output = byId('record-result');
        clearFieldErrors();
        let event;
        try {
            event = readEvent();
        } catch (e) {
            output.className = 'result error';
            output.replaceChildren(element('p', e.message));
            return;
        }
        byId('record').disabled = true;
        output.className = 'result';
        output.replaceChildren(element('p', 'Recording...'));
        const result = await callApi('/events', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(event)
        });
        byId('record').disabled = false;
        if ((result.status === 201 || result.status === 200) && result.body) {
            output.className = 'result ok';
            const words = result.status === 201 ? 'Recorded (201 Created).'
                : 'Already recorded with the same content (200); nothing changed.';
            const link = element('a', permalinkOf(result.body));
            link.href = apiBase + permalinkOf(result.body);
            const where = element('p', 'Permalink: ');
            where.appendChild(link);
            output.replaceChildren(element('p', words), where, element('pre', JSON.stringify(result.body, null, 2)));
            // The view on screen may hold the new event: load it again so the table and the chart show it.
            if (state.query) {
                load(false);
            }
            return;
        }
        const failure = describeFailure(result);
        output.className = 'result error';
        showFailure(output, failure);
        markFieldErrors(failure.errors);
    }

    // ---- Start ------------------------------------------------------------------------------------------------

    function showView() {
        const range = byId('view-range').checked;
        byId('day-field').hidden = range;
        document.querySelectorAll('.range-field').forEach(function (field) {
            field.hidden = !range;
        });
    }

    function disableEverything() {
        document.querySelectorAll('main input, main select, main button').forEach(function (control) {
            control.disabled = true;
        });
    }

    // The day views open on, and the range view's day from its midnight to the next.
    function showDate(day) {
        byId('day').value = day;
        byId('from').value = day + 'T00:00:00';
        byId('to').value = addDays(day, 1) + 'T00:00:00';
    }

    function start() {
        byId('api-url').textContent = apiBase;
        showDate(todayUtc());
        const zoom = byId('chart-zoom');
        for (let hour = 0; hour < 24; hour++) {
            const option = element('option', pad(hour) + ':00-' + pad(hour) + ':59, per minute');
            option.value = pad(hour);
            zoom.appendChild(option);
        }
        fillNow();
        addAttributeRow();

        byId('view-day').addEventListener('change', showView);
        byId('view-range').addEventListener('change', showView);
        byId('query-form').addEventListener('submit', function (submitEvent) {
            submitEvent.preventDefault();
            load(false);
        });
        byId('next-page').addEventListener('click', function () {
            load(true);
        });
        zoom.addEventListener('change', renderChart);
        byId('record-now').addEventListener('click', fillNow);
        byId('add-attribute').addEventListener('click', function () {
            addAttributeRow().querySelector('input').focus();
        });
        byId('record-form').addEventListener('submit', function (submitEvent) {
            submitEvent.preventDefault();
            record();
        });
        showView();
        renderChart();

        if (config.iam) {
            const notice = byId('notice');
            notice.textContent = 'IAM (SigV4) is on for this API: it accepts only signed requests, and this console '
                + 'does not sign them. To browse and record events here, run serve without --iam.';
            notice.hidden = false;
            disableEverything();
            return;
        }
        // A load the user started while the day was being sought is theirs: it is not replaced.
        const generation = state.generation;
        openingDate().then(function (day) {
            if (state.generation === generation) {
                showDate(day);
                load(false);
            }
        });
    }

    // A fault in this script must still leave words on the page, never a blank or silently frozen one.
    function reportUnexpected(message) {
        const notice = byId('notice');
        notice.textContent = 'The console hit an unexpected error: ' + message + '. Reloading the page may help.';
        notice.hidden = false;
    }

    window.addEventListener('error', function (errorEvent) {
        reportUnexpected(errorEvent.message);
    });
    window.addEventListener('unhandledrejection', function (rejection) {
        reportUnexpected(String(rejection.reason));
    });

    start();
}());
