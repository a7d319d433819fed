#!/usr/bin/env node
// Opens pages of cryptbench's HTML report in Debian's headless Chromium, as a
// reviewer would, at a laptop's width and at a phone's (420 and 360 px), and
// checks what only a browser can tell:
//  - no console error or uncaught exception;
//  - no request for anything but a file: URL (every other one is also blocked);
//  - in every chart shown at that width, no two labels overlap, none leaves
//    its drawing, none renders smaller than 10 px, and there is something
//    plotted besides the grid;
//  - the page needs no horizontal scrolling at that width;
//  - the index's change summary (a forest plot) shows one dot and one name
//    per compared benchmark, with the noise band, each row a link to its
//    page, and no mark (dot, interval, band, line) over a row's name;
//  - the verdict block opens the index and every benchmark page, before any
//    section, naming the commits compared, and it lists every regression,
//    broken budget and failure the page shows further down (never "nothing
//    wrong" when there is);
//  - every quality flag says what it means for the number beside it, and a
//    busy machine has its banner on the index;
//  - a benchmark's density plot shows the baseline's density and this run's,
//    however far apart (a real change), and every sparkline states its
//    spread;
//  - every mark of every chart (icicle bars, labelled areas, aside) has a
//    contrast of 3:1 or more against the page in the light and the dark
//    colour scheme;
//  - where memory was counted (--memory), its section shows a table of figures
//    within the page's width, a benchmark's page its line under the time, and
//    a group's page the peak of its sweeps, a dot per benchmark.
// It saves a full-page screenshot of each page at each width for a person to
// look at.
//
// Usage: node check.js HTML_DIR SCREENSHOT_DIR PAGE...
// A PAGE is a path under HTML_DIR; its screenshots go to the same path under
// SCREENSHOT_DIR, so that the pages of several reports share one Chromium.
// Prints one line per check, "PASS\tdescription" or "FAIL\tdescription\tdetail",
// for tests/e2e/browser.sh to turn into TAP; exits 2 when Chromium cannot start.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Nothing but the page: no updates, no sync, no background fetches of Chromium's own.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
              '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTHS = [1280, 420, 360];
// The smallest a chart's label may render at, px: 12 px type drawn at least 83% of size.
const MIN_LABEL_PX = 10;

function report(pass, what, details) {
    const detail = (details || []).slice(0, 8).join(' | ').replace(/[\t\n]/g, ' ');
    console.log(pass ? `PASS\t${what}` : `FAIL\t${what}\t${detail}`);
}

// Runs in the page: what is wrong with the layout of its charts and of the
// page. Only the charts shown at this width count (the other layout is there,
// not displayed).
function layoutProblems(minLabel) {
    const problems = [];
    const charts = [...document.querySelectorAll('svg')].filter((svg) => svg.getClientRects().length > 0);

    charts.forEach((svg, k) => {
        const frame = svg.getBoundingClientRect();
        const name = `chart ${k + 1} (${svg.getAttribute('aria-label')})`;
        const scale = frame.width / svg.viewBox.baseVal.width;
        const labels = [...svg.querySelectorAll('text')]
            .filter((t) => t.textContent.trim() !== '')
            .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect(),
                           px: parseFloat(getComputedStyle(t).fontSize) * scale }));
        const marks = svg.querySelectorAll('circle, path, line:not(.grid), rect:not(.frame):not(.swatch)');

        if (marks.length === 0) {
            problems.push(`${name}: nothing plotted`);
        }
        for (const l of labels) {
            if (l.box.left < frame.left - 1 || l.box.right > frame.right + 1 ||
                l.box.top < frame.top - 1 || l.box.bottom > frame.bottom + 1) {
                problems.push(`${name}: "${l.text}" leaves the drawing`);
            }
            if (l.px < minLabel) {
                problems.push(`${name}: "${l.text}" renders at ${l.px.toFixed(1)} px`);
            }
        }
        for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
                const a = labels[i].box, b = labels[j].box;
                const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);

                // glyph boxes include the line's leading: a pixel or two is not a collision
                if (w > 2 && h > 2) {
                    problems.push(`${name}: "${labels[i].text}" overlaps "${labels[j].text}"`);
                }
            }
        }
    });
    if (document.documentElement.scrollWidth > window.innerWidth) {
        const wide = [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 3).map((e) => `<${e.tagName.toLowerCase()} class="${e.className.baseVal ?? e.className}">`);
        problems.push(`the page is ${document.documentElement.scrollWidth} px wide, ` +
                      `wider than the window (${window.innerWidth} px): ${wide.join(', ')}`);
    }
    return { charts: charts.length, problems };
}

// Runs in the index: the forest plot against the table of results.
function forestProblems() {
    const problems = [];
    const forest = [...document.querySelectorAll('svg[aria-label^="each benchmark"]')]
        .filter((svg) => svg.getClientRects().length > 0);
    // this run's table: a filtered run lists the others in a second one
    const table = document.querySelector('table.results');
    const compared = table === null ? 0 : table.querySelectorAll('td.chg[data-label]').length;

    if (forest.length !== 1) {
        return [`${forest.length} change summaries shown, want 1`];
    }
    const dots = forest[0].querySelectorAll('circle').length;
    const names = forest[0].querySelectorAll('text.tick').length;
    if (dots !== compared || compared === 0) {
        problems.push(`${dots} dots for ${compared} compared benchmarks`);
    }
    // each dot's name, besides the axis's own ticks
    if (names < dots) {
        problems.push(`${names} labels for ${dots} dots`);
    }
    const unlinked = [...forest[0].querySelectorAll('circle')].filter((c) => c.closest('a[href]') === null);
    if (unlinked.length > 0) {
        problems.push(`${unlinked.length} dots lead to no page`);
    }
    if (forest[0].querySelector('rect.band') === null) {
        problems.push('no noise band');
    }
    if (!/noise threshold, \u00b1[0-9.]+%/.test(document.body.textContent)) {
        problems.push('the threshold is not stated');
    }
    // marks against the rows' names: a box that meets a name's box covers it
    const labels = [...forest[0].querySelectorAll('a text.tick')];
    const marks = [...forest[0].querySelectorAll('circle, path, line:not(.grid), rect:not(.frame)')];
    for (const t of labels) {
        const a = t.getBoundingClientRect();
        for (const m of marks) {
            const b = m.getBoundingClientRect();
            const w = Math.min(a.right, b.right + 1) - Math.max(a.left, b.left - 1);
            const h = Math.min(a.bottom, b.bottom + 1) - Math.max(a.top, b.top - 1);
            if (w > 0 && h > 0) {
                problems.push(`"${t.textContent}" is under a mark (${m.tagName} ${m.getAttribute('class')})`);
                break;
            }
        }
    }
    return problems;
}

// Runs in a page: the verdict block against what the page shows below it.
function verdictProblems(isIndex) {
    const problems = [];
    const block = document.querySelector('main > section.verdict-block');
    const firstSection = document.querySelector('main > h2');

    if (block === null) {
        return ['no verdict block'];
    }
    if (firstSection !== null &&
        (block.compareDocumentPosition(firstSection) & Node.DOCUMENT_POSITION_FOLLOWING) === 0) {
        problems.push('the verdict block comes after the first section');
    }
    if (block.querySelectorAll('.endpoints code').length < 1) {
        problems.push('no commit named');
    }
    const items = (re) => [...block.querySelectorAll('li')].filter((li) => re.test(li.textContent)).length;
    const text = block.textContent;
    // what the page shows further down
    const scope = isIndex ? document.querySelector('table.results') : document.querySelector('table.headline');
    // and, on the index, the memory table's changes (--memory)
    const regressed = (scope === null ? 0 : scope.querySelectorAll('.verdict.regressed').length) +
        (isIndex ? document.querySelectorAll('table.memory td.verdict.regressed').length : 0);
    const brokenRows = isIndex
        ? document.querySelectorAll('table.budgets tr td.verdict.broken').length
        : document.querySelectorAll('table.budgets td.verdict.broken').length;
    const failed = isIndex ? document.querySelectorAll('table.results tr.failed').length : 0;
    if (items(/^regressed/) !== regressed) {
        problems.push(`${items(/^regressed/)} regressions listed, the page shows ${regressed}`);
    }
    if (items(/^budget broken/) !== brokenRows) {
        problems.push(`${items(/^budget broken/)} broken budgets listed, the page shows ${brokenRows}`);
    }
    if (items(/^FAILED/) !== failed) {
        problems.push(`${items(/^FAILED/)} failures listed, the page shows ${failed}`);
    }
    if (regressed + brokenRows + failed > 0 && (/Nothing wrong/.test(text) || !block.classList.contains('bad'))) {
        problems.push('says nothing is wrong while the page shows otherwise');
    }
    return problems;
}

// Runs in a benchmark's page: against a baseline, the density plot shows both
// runs, however far apart.
function densityProblems() {
    const problems = [];
    const svg = [...document.querySelectorAll('svg[aria-label^="probability density"]')]
        .filter((e) => e.getClientRects().length > 0)[0];
    if (svg === undefined) {
        return ['no density plot'];
    }
    const old = svg.querySelector('path.c-old:not(.area)');
    if (old === null) {
        return problems;
    }
    for (const p of [old, svg.querySelector('path.c-new:not(.area)')]) {
        const b = p.getBoundingClientRect();
        if (b.height < 10 || b.width < 10) {
            problems.push(`${p.getAttribute('class')} is drawn ${b.width.toFixed(0)} x ${b.height.toFixed(0)} px`);
        }
    }
    // a baseline's outliers may lie beyond; the baseline itself may not
    const off = svg.closest('figure').textContent.match(/([0-9]+) of the baseline's ([0-9]+) samples lie beyond/);
    if (off !== null && 2 * Number(off[1]) >= Number(off[2])) {
        problems.push(`the caption says ${off[1]} of the baseline's ${off[2]} samples lie off the chart`);
    }
    return problems;
}

// Runs in a page: every quality flag says what it means (a sentence, shown or
// in its title); a benchmark page lists its flags before its first section;
// the index has the busy machine's banner when a row is flagged busy.
function flagProblems(isIndex) {
    const problems = [];
    const flags = [...document.querySelectorAll('.flag')];
    for (const f of flags) {
        const words = `${f.textContent} ${f.getAttribute('title') || ''}`;
        if (!/: .+;/.test(words)) {
            problems.push(`a flag that does not say what it means: "${words.trim().slice(0, 80)}"`);
        }
    }
    if (isIndex) {
        if (document.querySelector('td .flag.busy-machine') !== null &&
            document.querySelector('main > p.busy-machine') === null) {
            problems.push('rows flagged busy, no banner');
        }
    } else {
        const list = document.querySelector('ul.flags');
        const first = document.querySelector('main > h2');
        if (list !== null && first !== null &&
            (list.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) === 0) {
            problems.push('the flags come after the first section');
        }
    }
    return { problems, count: flags.length };
}

// Runs in the index: each sparkline states its scale, the spread of its runs.
function sparkProblems() {
    const problems = [];
    for (const svg of document.querySelectorAll('svg.spark')) {
        const next = svg.nextElementSibling;
        if (next === null || !next.classList.contains('spark-range') || !/^[0-9.e+-]+%$/.test(next.textContent)) {
            problems.push(`a sparkline without its spread: ${svg.getAttribute('aria-label')}`);
        } else if (!svg.getAttribute('aria-label').includes(`${next.textContent} apart`)) {
            problems.push(`a sparkline's spread ${next.textContent} is not the one its label states`);
        }
    }
    return problems;
}

// Runs in a page: marks whose colour has less than 3:1 contrast against the
// page. A mark counts by its stroke or its fill, whichever shows more (blended
// with the background by its opacity).
function contrastProblems() {
    const parse = (c) => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (m === null) return null;
        const v = m[1].split(/[ ,/]+/).filter((x) => x !== '').map(Number);
        return { r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1 };
    };
    const lum = (c) => {
        const f = (x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const blend = (c, a, bg) => ({ r: c.r * a + bg.r * (1 - a), g: c.g * a + bg.g * (1 - a),
                                   b: c.b * a + bg.b * (1 - a) });
    const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const bg = parse(getComputedStyle(document.body).backgroundColor);
    const problems = [];
    const seen = new Set();

    for (const svg of document.querySelectorAll('svg')) {
        if (svg.getClientRects().length === 0) continue;
        for (const m of svg.querySelectorAll('circle, path:not(.area), line:not(.grid), rect:not(.frame):not(.fl)')) {
            const st = getComputedStyle(m);
            let best = 0;
            const stroke = parse(st.stroke);
            if (st.stroke !== 'none' && stroke !== null && parseFloat(st.strokeWidth) > 0) {
                best = Math.max(best, ratio(blend(stroke, stroke.a * parseFloat(st.strokeOpacity), bg), bg));
            }
            const fill = parse(st.fill);
            if (st.fill !== 'none' && fill !== null) {
                best = Math.max(best, ratio(blend(fill, fill.a * parseFloat(st.fillOpacity), bg), bg));
            }
            const key = `${m.tagName}.${m.getAttribute('class')}`;
            if (best < 3 && !seen.has(key)) {
                seen.add(key);
                problems.push(`${key}: ${best.toFixed(2)}:1`);
            }
        }
    }
    return problems;
}

// Runs in the page: what is wrong with its memory section, if it has one.
function memoryProblems() {
    const problems = [];
    const section = document.getElementById('memory');

    if (section === null) {
        return { present: false, problems };
    }
    const tables = [...document.querySelectorAll('table.memory')];
    if (tables.length !== 1) {
        problems.push(`${tables.length} tables of memory, want 1`);
    }
    for (const t of tables) {
        const box = t.getBoundingClientRect();
        const cells = [...t.querySelectorAll('td')];
        if (box.width === 0 || box.right > document.documentElement.clientWidth + 1) {
            problems.push(`the memory table is ${box.width} px wide, ending at ${box.right} px`);
        }
        if (cells.length === 0 || cells.some((c) => c.textContent.trim() === '' &&
                                                   !c.classList.contains('verdict'))) {
            problems.push('a memory table with an empty figure');
        }
    }
    if (document.querySelector('.headline') !== null &&
        !/^(no allocation|[0-9.]+ allocations?) /.test(
            (document.getElementById('memory-line') || { textContent: '' }).textContent)) {
        problems.push('no memory line under the time');
    }
    for (const svg of document.querySelectorAll('figure.memory svg')) {
        if (svg.getClientRects().length > 0 && svg.querySelectorAll('circle').length === 0) {
            problems.push('a memory sweep without its points');
        }
    }
    return { present: true, problems };
}

async function checkPage(context, dir, shots, name, width, offsite) {
    const page = await context.newPage();
    const errors = [];
    const before = offsite.length;
    const at = `${name} at ${width} px`;

    await page.setViewportSize({ width, height: 800 });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('file://' + path.resolve(dir, name), { waitUntil: 'load' });
    report(errors.length === 0, `${at}: no console error`, errors);
    report(offsite.length === before, `${at}: no request but for file: URLs`,
           offsite.slice(before));
    const layout = await page.evaluate(layoutProblems, MIN_LABEL_PX);
    report(layout.problems.length === 0,
           `${at}: ${layout.charts} charts, labels apart, inside and legible, no horizontal overflow`,
           layout.problems);
    const base = path.basename(name);
    if (base === 'index.html' && await page.evaluate(() => document.querySelector('table.results td.chg[data-label]') !== null)) {
        const forest = await page.evaluate(forestProblems);
        report(forest.length === 0,
               `${at}: the change summary has a linked dot per compared benchmark, no mark over a name`,
               forest);
    }
    const memory = await page.evaluate(memoryProblems);
    if (memory.present) {
        report(memory.problems.length === 0, `${at}: the memory counts are shown whole`,
               memory.problems);
    }
    if (base.startsWith('bench-')) {
        const density = await page.evaluate(densityProblems);
        report(density.length === 0, `${at}: the density plot shows both runs`, density);
    }
    if (base === 'index.html' || base.startsWith('bench-')) {
        const flags = await page.evaluate(flagProblems, base === 'index.html');
        report(flags.problems.length === 0, `${at}: ${flags.count} quality flags, each saying what it means`,
               flags.problems);
    }
    if (base === 'index.html') {
        const spark = await page.evaluate(sparkProblems);
        report(spark.length === 0, `${at}: every sparkline states its spread`, spark);
    }
    if (base === 'index.html' || base.startsWith('bench-')) {
        const verdict = await page.evaluate(verdictProblems, base === 'index.html');
        report(verdict.length === 0, `${at}: the verdict block comes first and lists what the page shows`,
               verdict);
    }
    if (width === WIDTHS[0]) {
        for (const scheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme: scheme });
            const low = await page.evaluate(contrastProblems);
            report(low.length === 0, `${at}, ${scheme}: every mark has 3:1 contrast or more`, low);
        }
        await page.emulateMedia({ colorScheme: 'light' });
    }
    const shot = path.join(shots, `${name.replace(/\.html$/, '')}-${width}.png`);
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    report(fs.statSync(shot).size > 0, `${at}: screenshot ${shot}`);
    await page.close();
}

async function main() {
    const [dir, shots, ...pages] = process.argv.slice(2);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cryptbench-chromium-'));
    const offsite = [];
    let context;

    fs.mkdirSync(shots, { recursive: true });
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath: CHROMIUM, headless: true, args: ARGS,
            viewport: { width: WIDTHS[0], height: 800 },
        });
    } catch (e) {
        console.error(`cannot start ${CHROMIUM}: ${e.message.split('\n')[0]}`);
        fs.rmSync(profile, { recursive: true, force: true });
        process.exit(2);
    }
    try {
        // seen on the context, so that a request from any frame or worker counts
        context.on('request', (r) => { if (!r.url().startsWith('file:')) offsite.push(r.url()); });
        await context.route('**/*', (route) => (route.request().url().startsWith('file:')
            ? route.continue() : route.abort()));
        for (const name of pages) {
            for (const width of WIDTHS) {
                await checkPage(context, dir, shots, name, width, offsite);
            }
        }
    } finally {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
    }
}

main().catch((e) => {
    console.error(e.stack || String(e));
    process.exit(2);
});
