// The targets of the annotator section, met or not, in words (BENCHMARKS.md's "Targets"), and
// why those missed are missed.
import { int, ms, pct, ratio, signedMb, spread } from './format.mjs';
import { baseBound, baseMedian, baseScreenMedian, failedText, versus } from './report-rows.mjs';

// Why the targets that are missed are missed, and what would close each gap. Written from the
// traced runs; keep it true when the annotator changes.
export const CLOSING_THE_GAPS = [
  '## What would close the gaps',
  '',
  '- **1M words fully highlighted in under 5 s, and long frames on 1M.** On this page every frame in which anything is written is a long frame, whoever writes: after the page itself changes one character of its text, Chromium spends about 100 ms laying out and painting the flat 7 MB article again (the measure above the memory table), and B3, which does the least work possible in one call, needs several seconds until its marks are on screen, most of it that one render. Gloss therefore writes, on such a page (two renders of over 40 ms each in a row), only what is within three screens of the viewport; the runs beyond are read and counted (the popup and the badge show every mention) and written as the reader comes within three screens of them, a section of about two screens at a time, or at once when a jump lands on one. Loading then costs a few renders instead of one per slice. What stays: each of those few renders, and each section written while scrolling, is still a frame of 100 ms or more on this page; writing every mark up front (the *rest written* column) takes about as long as before. Only the page (`content-visibility`, fewer siblings in one flow) or the browser could make such renders cheaper.',
  '- **Time until on screen against B3, and total against B0.** B3 writes every mark in one blocking task and pays for one render (a long one: it renders every mark at once); Gloss pays a render for every slice that writes, so that input and the page\'s own work go on (no task over 50 ms on 10k and 100k). Fewer, longer slices would trade frames over 50 ms for total time. B0 only reads text: at 100k words B3 alone is more than 30× B0, so "within 10× of B0" is out of reach for anything that writes to the page.',
  '- **50× faster than naive mark.js at 100k.** Naive mark.js does not finish: it overflows the regex stack on a Chinese alias, so only a lower bound can be measured, and an estimate at the pace it had when it stopped.',
];

/** One line per target, from the rows of summaryRows() and the feed's p95 over its runs. */
export function targetLines(rows, feedRuns, feedP95) {
  const at = (label) => rows.find((r) => r.entry.label === label);
  const targets = [];
  const verdict = (met, text) => targets.push(`- **${met ? 'Met' : 'Not met'}**: ${text}`);
  /** From the traced run: how much of the main thread's time went to rendering. */
  const tracedNote = (r) => {
    const t = r.traced;
    if (!t?.busy) return '';
    const rendering = t.rendering ?? t.style + t.layout + t.paint;
    return ` Traced run: rendering (style, layout, paint) took ${pct(rendering, t.busy)} of the main thread's busy time, ${ms(t.frames > 0 ? rendering / t.frames : null)} per rendering update, script and the rest ${pct(t.other, t.busy)}.`;
  };
  for (const r of rows) {
    if (!r.first) continue;
    const v = r.first.median;
    verdict(
      v <= 100,
      `first highlight ≤ 100 ms on ${r.entry.label}: median ${ms(v)}${v > 100 ? ` (${ratio(v / 100)}× the target)` : ''}, worst run ${ms(r.first.max)}; the call to \`start()\` itself blocked for ${ms(r.startCall?.median)}.`,
    );
  }
  for (const r of rows) {
    if (!r.longest) continue;
    verdict(
      r.longest.median <= 50,
      `no task over 50 ms while annotating ${r.entry.label}: longest ${ms(r.longest.median)} (worst run ${ms(r.longest.max)}), ${r.over50?.median ?? '–'} tasks over 50 ms (worst run ${r.over50?.max ?? '–'}); counted as frames (a frame's tasks and its render together), ${r.framesOver50?.median ?? '–'} over 50 ms, the longest ${ms(r.longestFrame?.median)}.${r.renderEdit ? ` On this page a one-character edit by the page itself renders in ${ms(r.renderEdit.median)}.` : ''}${r.longest.median > 50 ? tracedNote(r) : ''}`,
    );
  }
  const r100 = at('100k');
  if (r100) {
    const b0 = baseMedian(r100.b.b0);
    if (b0 && r100.total) {
      const x = r100.total.median / b0;
      const b3 = baseMedian(r100.b.b3);
      const b3Note = b3 ? ` For scale, B3, which marks the page in one blocking call, is ${ratio(b3 / b0)}× B0.` : '';
      verdict(x <= 10, `100k total ≤ 10× B0: Gloss ${ms(r100.total.median)} is ${ratio(x)}× B0 (${ms(b0)}).${b3Note}`);
    }
    // B2 writes marks, so, as for B3, both until on screen.
    const b2 = r100.b.b2;
    const g = r100.screen?.median ?? null;
    if (g !== null && (b2.s || b2.over || b2.failed)) {
      if (b2.over || b2.failed) {
        // Its cap, or the time until it threw, is a lower bound on its time until on screen.
        const bound = baseBound(b2);
        const x = bound / g;
        const how = b2.over ? `went over its ${b2.capMs / 1000} s cap` : failedText(b2.failed);
        const f = b2.failed;
        const estimate = f?.keywords && f.keywordsDone > 0 ? (f.ms * f.keywords) / f.keywordsDone / g : null;
        verdict(
          x >= 50 || (estimate ?? 0) >= 50,
          `≥ 50× faster than naive mark.js (B2) at 100k: B2 ${how}, so Gloss (${ms(g)} until its last mark is on screen) is more than ${ratio(x)}× faster${estimate ? `, ≈ ${ratio(estimate)}× at the pace B2 had when it stopped` : ''}${x >= 50 ? '' : '; 50× is not measured directly'}.`,
        );
      } else if (baseScreenMedian(b2) !== null) {
        const x = baseScreenMedian(b2) / g;
        verdict(
          x >= 50,
          `≥ 50× faster than naive mark.js (B2) at 100k, until the marks are on screen: ${ratio(x)}× (B2 ${ms(baseScreenMedian(b2))}, of which the call ${ms(b2.s.median)}; Gloss ${ms(g)}, total ${ms(r100.total?.median)}).`,
        );
      }
    }
  }
  // Both until the marks are on screen: B3's call, then the render of everything it wrote in the
  // next frame; Gloss until idle(), then the render of the frame after that.
  for (const r of rows) {
    const b3 = r.b.b3;
    const b3Screen = baseScreenMedian(b3);
    if (!b3Screen || (!r.screen && !r.partial)) continue;
    const gloss = r.screen ? `${ms(r.screen.median)} (total ${ms(r.total?.median)})` : `over ${r.capMs / 1000} s`;
    const met = r.screen ? r.screen.median <= b3Screen : false;
    const frame = b3.frame ? `, one frame of ${ms(b3.frame.median)} with that render (\`long-animation-frame\`)` : '';
    const text = `not slower than B3 on ${r.entry.label}, until the marks are on screen: Gloss ${gloss} vs B3 ${ms(b3Screen)} (${versus(r, b3, true, true)}). B3 blocks the page in one task of ${ms(baseMedian(b3))}, then the next frame renders for ${ms(b3.render?.median)}${frame}; Gloss's longest task is ${ms(r.longest?.median)}, its longest frame ${ms(r.longestFrame?.median)}.`;
    if (r.reveal && r.screen) {
      // Runs were left for later: Gloss's time is for what the reader can see, B3's for every mark.
      const every = r.screen.median + r.reveal.median;
      targets.push(
        `- **${met ? 'Met for what is on screen; not met for every mark' : 'Not met'}**: ${text} Gloss had then written ${int(r.written?.median ?? 0)} of the ${int(r.marks)} mentions, those within three screens of the viewport and what its first slices wrote (B3 writes all of its ${int(b3.count ?? 0)}); writing the rest at once takes Gloss ${ms(r.reveal.median)} more, so every mark is in the page after about ${ms(every)}, ${ratio(every / b3Screen)}× B3.`,
      );
    } else {
      verdict(met, text);
    }
  }
  const r1m = at('1M');
  if (r1m) {
    if (r1m.partial) {
      verdict(
        false,
        `1M words in < 5 s: stopped at its ${r1m.capMs / 1000} s cap with ${pct(r1m.partial.run.marks.total, r1m.expected ?? 0)} of the marks made (over ${ratio(r1m.capMs / 5000)}× the target), while B0 reads the page's text in ${ms(baseMedian(r1m.b.b0))} and B3 marks it in ${ms(baseMedian(r1m.b.b3))}.${tracedNote(r1m)}`,
      );
    } else if (r1m.total && r1m.reveal) {
      // Runs far from the viewport were left for later: the page is not fully highlighted when
      // the run ends, so the target as worded is not met, whatever the time.
      targets.push(
        `- **Not met as worded**: 1M words fully highlighted in < 5 s. Every mention found and counted, and every one within three screens of the viewport written, in ${ms(r1m.total.median)} (worst ${ms(r1m.total.max)}; ${int(r1m.written?.median ?? 0)} of ${int(r1m.marks)} mentions written then), with ${spread(r1m.framesOver50, (v) => String(Math.round(v)))} frames over 50 ms, the longest ${ms(r1m.longestFrame?.median)}. The rest is written as the reader comes within three screens of it; writing all of it at once (\`revealAll()\`) takes ${ms(r1m.reveal.median)} more.${tracedNote(r1m)}`,
      );
    } else if (r1m.total) {
      verdict(
        r1m.total.max < 5000,
        `1M words in < 5 s: median ${ms(r1m.total.median)}, worst ${ms(r1m.total.max)}${r1m.total.median >= 5000 ? ` (${ratio(r1m.total.median / 5000)}× the target)` : ''}.`,
      );
    }
  }
  if (feedP95) {
    verdict(
      feedP95.max < 100,
      `dynamic page p95 < 100 ms: p95 ${ms(feedP95.median)} (median of ${feedRuns.length} runs; worst run ${ms(feedP95.max)}).`,
    );
  }
  // What stays after clear() (the compiled pattern, code) does not depend on the marks; the rest
  // of the growth should, in proportion.
  const perMark = rows
    .filter((r) => r.heapDelta && r.heapClearedDelta && r.marks > 0)
    .map((r) => ({
      label: r.entry.label,
      gross: r.heapDelta.median / r.marks,
      net: (r.heapDelta.median - r.heapClearedDelta.median) / r.marks,
      fixed: r.heapClearedDelta.median,
      partial: !!r.partial,
    }));
  if (perMark.length > 0) {
    const values = perMark.map((p) => p.net);
    const spreadX = Math.max(...values) / Math.min(...values);
    verdict(
      spreadX <= 1.5,
      `heap growth proportional to marks: net of what stays after \`clear()\` (${perMark.map((p) => `${signedMb(p.fixed)} on ${p.label}`).join(', ')}), ${perMark.map((p) => `${int(Math.round(p.net))} B per mark on ${p.label}${p.partial ? ' (marks made before the cap)' : ''}`).join(', ')}: largest / smallest ${ratio(spreadX)}× ("proportional" taken as within 1.5×). Gross: ${perMark.map((p) => `${int(Math.round(p.gross))} B`).join(', ')} per mark.`,
    );
  }
  return targets;
}
