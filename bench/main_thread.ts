// What a page's main thread spends its time on, read from a Chromium trace (DevTools protocol, Tracing domain):
// every top-level task of the page's renderer main thread, each moment of it given to the innermost event that
// names a kind of work (the groups Lighthouse's main-thread breakdown uses), the rest "other". Image decoding
// done on the renderer's worker threads is counted apart: it costs the phone's other cores, not the main thread.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time, when the event records it */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** Event names per group, as Lighthouse (lib/tracehouse/task-groups.js) sorts them. */
const GROUPS: Record<string, string[]> = {
  parseHTML: ['ParseHTML'],
  styleLayout: ['ScheduleStyleRecalculation', 'RecalculateStyles', 'UpdateLayoutTree', 'InvalidateLayout', 'Layout'],
  parseCSS: ['ParseAuthorStyleSheet'],
  paintComposite: ['Animation', 'RequestMainThreadFrame', 'ActivateLayerTree', 'DrawFrame', 'HitTest', 'PaintSetup', 'Paint', 'PaintImage',
    'Rasterize', 'RasterTask', 'ScrollLayer', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers', 'PrePaint', 'Layerize', 'Commit'],
  script: ['v8.compile', 'v8.compileModule', 'v8.parseOnBackground', 'EventDispatch', 'EvaluateScript', 'v8.evaluateModule', 'FunctionCall',
    'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'RunMicrotasks', 'V8.Execute'],
  gc: ['GCEvent', 'MinorGC', 'MajorGC', 'ThreadState::performIdleLazySweep', 'ThreadState::completeSweep', 'BlinkGC.AtomicPhase', 'V8.GC_SCAVENGER'],
  images: ['Decode Image', 'Resize Image', 'ImageDecodeTask', 'Decode LazyPixelRef', 'Draw LazyPixelRef', 'ImageFrameGenerator::decode',
    'ImageResourceContent::UpdateImage', 'ImageLoader::updateFromElement'],
};
const GROUP_OF = new Map(Object.entries(GROUPS).flatMap(([g, names]) => names.map((n) => [n, g] as const)));
const TOP = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadControllerImpl::DoWork', 'TaskQueueManager::ProcessTaskFromWorkQueue', 'ThreadPool_RunTask']);
const DECODE = /decode/i;

export interface Breakdown {
  /** milliseconds of main-thread top-level tasks in all */
  total: number;
  /** milliseconds per group (parseHTML, styleLayout, parseCSS, paintComposite, script, gc, images, other) */
  groups: Record<string, number>;
  /** the names that make up "other", most costly first (self time in ms), to say what it is */
  other: [string, number][];
  /** the same in thread (CPU) time: what the page cost the processor, whatever else the machine was running */
  cpuTotal: number;
  cpuGroups: Record<string, number>;
  /** milliseconds of image decoding on the renderer's other threads */
  decodeOffMain: number;
  /** tasks longer than 50 ms: their time beyond 50 ms, summed (the blocking time from first to last task) */
  blocking: number;
}

interface Span { name: string; start: number; end: number; cpu: number; children: Span[] }

/** Complete spans of one thread, from X events and B/E pairs, nested by time. */
function spans(events: TraceEvent[]): Span[] {
  const flat: Span[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined) flat.push({ name: e.name, start: e.ts, end: e.ts + e.dur, cpu: e.tdur ?? 0, children: [] });
    else if (e.ph === 'B') open.set(e.name, [...(open.get(e.name) ?? []), e]);
    else if (e.ph === 'E') {
      const b = open.get(e.name)?.pop();
      if (b) flat.push({ name: e.name, start: b.ts, end: e.ts, cpu: e.tts !== undefined && b.tts !== undefined ? e.tts - b.tts : 0, children: [] });
    }
  }
  flat.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const s of flat) {
    while (stack.length && stack[stack.length - 1].end <= s.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && s.end <= parent.end) parent.children.push(s);
    else if (!parent) roots.push(s);
    else continue; // overlaps its parent's end: a broken pair, left out
    stack.push(s);
  }
  return roots;
}

/** Each span's own time (its length less its children's) to its group; `cpu` counts thread time instead of wall time. */
function attribute(s: Span, inherited: string | undefined, groups: Record<string, number>, other: Map<string, number>, cpu: boolean): void {
  const group = GROUP_OF.get(s.name) ?? inherited;
  const len = (x: Span) => (cpu ? x.cpu : x.end - x.start);
  const self = Math.max(0, len(s) - s.children.reduce((n, c) => n + len(c), 0));
  if (group) groups[group] = (groups[group] ?? 0) + self / 1000;
  else {
    groups.other = (groups.other ?? 0) + self / 1000;
    other.set(s.name, (other.get(s.name) ?? 0) + self / 1000);
  }
  for (const c of s.children) attribute(c, group, groups, other, cpu);
}

/** The renderer main thread that parsed the page at `url` (the one with the most top-level work if several did). */
function mainThread(events: TraceEvent[], url: string): { pid: number; tid: number } {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const parsed = new Set(events.filter((e) => e.name === 'ParseHTML' && String((e.args?.data?.url ?? (e.args as { beginData?: { url?: string } } | undefined)?.beginData?.url) ?? '').startsWith(url)).map((e) => `${e.pid}:${e.tid}`));
  const candidates = names.map((e) => ({ pid: e.pid, tid: e.tid })).filter((t) => !parsed.size || parsed.has(`${t.pid}:${t.tid}`));
  const work = (t: { pid: number; tid: number }) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && TOP.has(e.name)).reduce((n, e) => n + (e.dur ?? 0), 0);
  const best = candidates.sort((a, b) => work(b) - work(a))[0];
  if (!best) throw new Error('the trace has no renderer main thread');
  return best;
}

/** The main thread's time, by kind of work, of the page the trace recorded. */
export function breakdown(events: TraceEvent[], url: string): Breakdown {
  const { pid, tid } = mainThread(events, url);
  const roots = spans(events.filter((e) => e.pid === pid && e.tid === tid));
  const groups: Record<string, number> = {};
  const cpuGroups: Record<string, number> = {};
  const other = new Map<string, number>();
  let total = 0;
  let cpuTotal = 0;
  let blocking = 0;
  for (const r of roots) {
    if (!TOP.has(r.name)) continue;
    const ms = (r.end - r.start) / 1000;
    total += ms;
    if (ms > 50) blocking += ms - 50;
    cpuTotal += r.cpu / 1000;
    attribute(r, undefined, groups, other, false);
    attribute(r, undefined, cpuGroups, new Map(), true);
  }
  const decodeOffMain = events.filter((e) => e.pid === pid && e.tid !== tid && e.ph === 'X' && DECODE.test(e.name) && GROUP_OF.get(e.name) === 'images')
    .reduce((n, e) => n + (e.dur ?? 0) / 1000, 0);
  return { total, groups, cpuTotal, cpuGroups, other: [...other.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12), decodeOffMain, blocking };
}

const CATEGORIES = ['-*', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
  'blink', 'loading', 'v8', 'v8.execute', 'cc', 'gpu', 'disabled-by-default-devtools.timeline.invalidationTracking', '__metadata'].join(',');

/** Records a trace around `load` (a navigation and whatever waiting it does) with the processor slowed `rate` times. */
export async function traced(cdp: CDPSession, rate: number, load: () => Promise<void>): Promise<TraceEvent[]> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => { events.push(...(d.value as unknown as TraceEvent[])); });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await load();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  return events;
}
