// The two emotion charts, drawn as SVG in the browser: arousal and valence over time, and the song's path through
// the valence–arousal plane. Both show the playhead, explain the point under the pointer, and seek on click.

import { QUADRANTS, clock, quadrantOf, signed } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';

function node(tag, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (parent) parent.append(element);
  return element;
}

function text(parent, x, y, content, attributes = {}) {
  const element = node('text', { x, y, ...attributes }, parent);
  element.textContent = content;
  return element;
}

/** Shows the shared tooltip near the pointer, kept inside the window. */
export class Tooltip {
  constructor(element) {
    this.element = element;
  }

  show(clientX, clientY, parts) {
    const tip = this.element;
    tip.replaceChildren(...parts.map((part) => {
      if (typeof part === 'string') return document.createTextNode(part);
      const span = document.createElement(part.bold ? 'b' : 'span');
      if (part.className) span.className = part.className;
      span.textContent = part.text;
      return span;
    }));
    tip.hidden = false;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const x = Math.min(window.innerWidth - width - 8, Math.max(8, clientX + 14));
    const y = clientY - height - 12 < 8 ? clientY + 18 : clientY - height - 12;
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
  }

  hide() {
    this.element.hidden = true;
  }
}

/** Whole seconds of the track (value i covers [i, i + 1)). */
function secondAt(track, seconds) {
  return Math.max(0, Math.min(track.arousal.length - 1, Math.floor(seconds)));
}

function valuesAt(track, seconds) {
  const i = secondAt(track, seconds);
  return { second: i, arousal: track.arousal[i], valence: track.valence[i], music: isMusic(track, i) };
}

/** Whether second `i` holds music (tracks from older services have no `music` array: all music). */
export function isMusic(track, i) {
  return !track.music || track.music[i] !== false;
}

/** The runs of consecutive seconds that hold music (`music: true`) or not, as { start, end, music } with end exclusive. */
export function runs(track) {
  const result = [];
  for (let i = 0; i < track.arousal.length; i++) {
    const music = isMusic(track, i);
    const last = result[result.length - 1];
    if (last && last.music === music) last.end = i + 1;
    else result.push({ start: i, end: i + 1, music });
  }
  return result;
}

/** The words for the second under the pointer or the playhead: its values, or that it holds no music. */
export function readout(v) {
  return v.music ? `arousal ${signed(v.arousal)}, valence ${signed(v.valence)}, ${QUADRANTS[quadrantOf(v.arousal, v.valence)]}` : 'no music';
}

/** A symmetric nice step for time ticks: at most about `count` ticks over `duration` seconds. */
function timeStep(duration, count) {
  for (const step of [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600]) {
    if (duration / step <= count) return step;
  }
  return 7200;
}

/** Base of both charts: an SVG sized to its container (redrawn on resize), keyboard seeking, the tooltip. */
class Chart {
  constructor(container, { tooltip, onSeek, onToggle, label }) {
    this.container = container;
    this.tooltip = tooltip;
    this.onSeek = onSeek;
    this.onToggle = onToggle;
    this.label = label;
    this.track = null;
    this.time = 0;
    this.zoomed = false;
    this.svg = node('svg', { tabindex: 0, role: 'slider', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuenow': 0 });
    container.append(this.svg);
    this.pointer = null; // where the pointer is over this chart (client coordinates), to redraw the readout after a resize or scroll
    this.svg.addEventListener('pointermove', (e) => {
      this.pointer = { clientX: e.clientX, clientY: e.clientY };
      if (this.track) this.hover(e);
    });
    this.svg.addEventListener('pointerleave', () => {
      this.pointer = null;
      this.unhover();
    });
    this.svg.addEventListener('click', (e) => this.track && this.click(e));
    this.svg.addEventListener('keydown', (e) => this.key(e));
    this.svg.addEventListener('blur', () => this.tooltip.hide());
    this.width = 0;
    new ResizeObserver(() => requestAnimationFrame(() => {
      // Redraw at the new size (text stays crisp at its real pixel size); skip notifications that change nothing.
      if (this.container.clientWidth !== this.width) this.render();
    })).observe(container);
    // The page moved under a still pointer: read out what is under it now (or nothing), never a point that moved away.
    window.addEventListener('resize', () => this.refreshHover());
    window.addEventListener('scroll', () => this.refreshHover(), { passive: true });
  }

  /** Redraws the hover readout for the point now under the pointer, or hides it when the pointer is no longer over the chart. */
  refreshHover() {
    if (!this.pointer) return;
    const box = this.svg.getBoundingClientRect();
    const { clientX, clientY } = this.pointer;
    if (this.track && clientX >= box.left && clientX <= box.right && clientY >= box.top && clientY <= box.bottom) {
      this.hover(this.pointer);
    } else {
      this.pointer = null;
      this.unhover();
    }
  }

  setTrack(track) {
    this.track = track;
    this.time = 0;
    this.render();
  }

  setZoom(zoomed) {
    this.zoomed = zoomed;
    this.render();
  }

  setTime(seconds) {
    this.time = seconds;
    if (this.track) {
      this.movePlayhead();
      this.describe();
    }
  }

  describe() {
    const v = valuesAt(this.track, this.time);
    this.svg.setAttribute('aria-valuemax', Math.round(this.track.durationSeconds));
    this.svg.setAttribute('aria-valuenow', Math.floor(this.time));
    this.svg.setAttribute('aria-valuetext', `${clock(this.time)}: ${readout(v)}`);
  }

  key(e) {
    if (!this.track) return;
    const step = e.shiftKey ? 10 : 1;
    const end = this.track.durationSeconds;
    let target = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') target = this.time + step;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') target = this.time - step;
    else if (e.key === 'PageUp') target = this.time + 30;
    else if (e.key === 'PageDown') target = this.time - 30;
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = Math.max(0, end - 1);
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.onToggle();
      return;
    }
    if (target === null) return;
    e.preventDefault();
    this.onSeek(Math.max(0, Math.min(end - 0.01, target)), false);
  }

  unhover() {
    this.tooltip.hide();
    if (this.hoverLayer) this.hoverLayer.setAttribute('visibility', 'hidden');
  }

  render() {
    this.width = this.container.clientWidth;
    this.svg.replaceChildren();
    if (!this.track) return;
    this.draw();
    this.movePlayhead();
    this.describe();
    this.refreshHover();
  }
}

/** Arousal and valence against time, y on [-1, 1] (or the song's own range when zoomed). */
export class TimelineChart extends Chart {
  static HEIGHT = 240;

  draw() {
    const track = this.track;
    const width = Math.max(320, this.container.clientWidth);
    const height = TimelineChart.HEIGHT;
    const m = { left: 44, right: 14, top: 10, bottom: 28 };
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.setAttribute('width', width);
    this.svg.setAttribute('height', height);

    const values = track.arousal.concat(track.valence).filter((_, i) => isMusic(track, i % track.arousal.length));
    let low = -1, high = 1;
    if (this.zoomed && values.length > 0) {
      const min = Math.min(...values), max = Math.max(...values);
      const pad = Math.max(0.05, (max - min) * 0.12);
      low = Math.max(-1, min - pad);
      high = Math.min(1, max + pad);
    }
    const duration = Math.max(1, track.durationSeconds);
    const x = (s) => m.left + (s / duration) * (width - m.left - m.right);
    const y = (v) => m.top + ((high - v) / (high - low)) * (height - m.top - m.bottom);
    this.x = x;
    this.y = y;
    this.plot = { left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom };

    const grid = node('g', {}, this.svg);
    const yStep = high - low > 1 ? 0.5 : high - low > 0.4 ? 0.1 : 0.05;
    for (let v = Math.ceil(low / yStep) * yStep; v <= high + 1e-9; v += yStep) {
      const value = Math.round(v * 1000) / 1000;
      node('line', { x1: m.left, x2: width - m.right, y1: y(value), y2: y(value), class: value === 0 ? 'zero' : 'grid' }, grid);
      text(grid, m.left - 6, y(value) + 4, signed(value, yStep < 0.1 ? 2 : 1), { 'text-anchor': 'end' });
    }
    const step = timeStep(duration, Math.max(4, Math.floor((width - m.left - m.right) / 70)));
    for (let s = 0; s <= duration + 1e-9; s += step) {
      node('line', { x1: x(s), x2: x(s), y1: m.top, y2: height - m.bottom, class: 'grid' }, grid);
      text(grid, x(s), height - m.bottom + 16, clock(s), { 'text-anchor': 'middle' });
    }
    node('line', { x1: m.left, x2: m.left, y1: m.top, y2: height - m.bottom, class: 'axis' }, grid);
    node('line', { x1: m.left, x2: width - m.right, y1: height - m.bottom, y2: height - m.bottom, class: 'axis' }, grid);

    // Seconds without music (silence, a steady tone) carry no mood: greyed, and the curves break around them.
    const parts = runs(track);
    for (const run of parts.filter((r) => !r.music)) {
      const left = x(run.start), right = x(Math.min(run.end, duration));
      node('rect', { x: left, y: m.top, width: Math.max(1, right - left), height: height - m.top - m.bottom, class: 'no-music',
        'data-start': run.start, 'data-end': run.end }, grid);
      if (right - left > 60) text(grid, (left + right) / 2, m.top + 16, 'no music', { 'text-anchor': 'middle', class: 'no-music-label' });
    }
    for (const name of ['valence', 'arousal']) {
      for (const run of parts.filter((r) => r.music)) {
        const points = track[name].slice(run.start, run.end)
          .map((v, k) => `${x(Math.min(run.start + k + 0.5, duration)).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
        node('polyline', { points, class: `curve ${name}`, 'data-series': name, 'data-points': run.end - run.start }, this.svg);
      }
    }

    this.playhead = node('line', { class: 'playhead', y1: m.top, y2: height - m.bottom }, this.svg);
    this.hoverLayer = node('g', { visibility: 'hidden' }, this.svg);
    this.hoverLine = node('line', { class: 'hover-line', y1: m.top, y2: height - m.bottom }, this.hoverLayer);
    this.hoverArousal = node('circle', { r: 4.5, class: 'dot-arousal' }, this.hoverLayer);
    this.hoverValence = node('circle', { r: 4.5, class: 'dot-valence' }, this.hoverLayer);
  }

  movePlayhead() {
    if (!this.playhead) return;
    const px = this.x(Math.min(this.time, this.track.durationSeconds));
    this.playhead.setAttribute('x1', px);
    this.playhead.setAttribute('x2', px);
  }

  secondsAtPointer(e) {
    const box = this.svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * this.svg.viewBox.baseVal.width;
    const fraction = (px - this.plot.left) / (this.plot.right - this.plot.left);
    return Math.max(0, Math.min(this.track.durationSeconds - 0.01, fraction * this.track.durationSeconds));
  }

  hover(e) {
    const seconds = this.secondsAtPointer(e);
    const v = valuesAt(this.track, seconds);
    const px = this.x(Math.min(v.second + 0.5, this.track.durationSeconds));
    this.hoverLine.setAttribute('x1', px);
    this.hoverLine.setAttribute('x2', px);
    this.hoverArousal.setAttribute('cx', px);
    this.hoverArousal.setAttribute('cy', this.y(v.arousal));
    this.hoverValence.setAttribute('cx', px);
    this.hoverValence.setAttribute('cy', this.y(v.valence));
    this.hoverArousal.setAttribute('visibility', v.music ? 'inherit' : 'hidden');
    this.hoverValence.setAttribute('visibility', v.music ? 'inherit' : 'hidden');
    this.hoverLayer.setAttribute('visibility', 'visible');
    this.tooltip.show(e.clientX, e.clientY, v.music ? [
      { text: clock(v.second), bold: true }, '  ',
      { text: `arousal ${signed(v.arousal)}`, className: 'a' }, '  ',
      { text: `valence ${signed(v.valence)}`, className: 'v' },
    ] : [{ text: clock(v.second), bold: true }, '  no music: no mood is read here']);
  }

  click(e) {
    this.onSeek(this.secondsAtPointer(e), true);
  }
}

/** The path through the valence (x) – arousal (y) plane, the four quadrants named. */
export class PlaneChart extends Chart {
  draw() {
    const track = this.track;
    const size = Math.max(240, Math.min(400, this.container.clientWidth));
    const m = { left: 34, right: 10, top: 10, bottom: 32 };
    this.svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
    this.svg.setAttribute('width', size);
    this.svg.setAttribute('height', size);
    const inner = size - m.left - m.right;
    const innerHeight = size - m.top - m.bottom;

    const musical = (values) => values.filter((_, i) => isMusic(track, i));
    const hasMusic = musical(track.valence).length > 0;
    let x0 = -1, x1 = 1, y0 = -1, y1 = 1;
    if (this.zoomed && hasMusic) {
      const vx = Math.min(...musical(track.valence)), vX = Math.max(...musical(track.valence));
      const ay = Math.min(...musical(track.arousal)), aY = Math.max(...musical(track.arousal));
      const half = Math.max(0.12, Math.max(vX - vx, aY - ay) * 0.65);
      const cx = (vx + vX) / 2, cy = (ay + aY) / 2;
      x0 = cx - half; x1 = cx + half; y0 = cy - half; y1 = cy + half;
    }
    const x = (v) => m.left + ((v - x0) / (x1 - x0)) * inner;
    const y = (a) => m.top + ((y1 - a) / (y1 - y0)) * innerHeight;
    this.x = x;
    this.y = y;

    const clipId = `plane-clip-${Math.random().toString(36).slice(2)}`;
    const clip = node('clipPath', { id: clipId }, node('defs', {}, this.svg));
    node('rect', { x: m.left, y: m.top, width: inner, height: innerHeight }, clip);
    const area = node('g', { 'clip-path': `url(#${clipId})` }, this.svg);

    const quadrants = [
      { q: 'Q1', vx: [0, 1], ay: [0, 1] }, { q: 'Q2', vx: [-1, 0], ay: [0, 1] },
      { q: 'Q3', vx: [-1, 0], ay: [-1, 0] }, { q: 'Q4', vx: [0, 1], ay: [-1, 0] },
    ];
    for (const { q, vx, ay } of quadrants) {
      node('rect', { x: x(vx[0]), y: y(ay[1]), width: x(vx[1]) - x(vx[0]), height: y(ay[0]) - y(ay[1]), class: `quad ${q}` }, area);
    }
    const step = x1 - x0 > 1 ? 0.5 : 0.1;
    for (let v = Math.ceil(x0 / step) * step; v <= x1 + 1e-9; v += step) {
      node('line', { x1: x(v), x2: x(v), y1: m.top, y2: m.top + innerHeight, class: 'grid' }, area);
    }
    for (let a = Math.ceil(y0 / step) * step; a <= y1 + 1e-9; a += step) {
      node('line', { x1: m.left, x2: m.left + inner, y1: y(a), y2: y(a), class: 'grid' }, area);
    }
    node('line', { x1: x(0), x2: x(0), y1: m.top, y2: m.top + innerHeight, class: 'axis' }, area);
    node('line', { x1: m.left, x2: m.left + inner, y1: y(0), y2: y(0), class: 'axis' }, area);

    // Quadrant names, in the outer corner of each quadrant's visible part (when enough of it shows).
    for (const { q, vx, ay } of quadrants) {
      const left = Math.max(vx[0], x0), right = Math.min(vx[1], x1), bottom = Math.max(ay[0], y0), top = Math.min(ay[1], y1);
      if (right <= left || top <= bottom || ((right - left) * (top - bottom)) / ((x1 - x0) * (y1 - y0)) < 0.1) continue;
      const east = vx[0] >= 0, north = ay[0] >= 0;
      text(area, east ? x(right) - 6 : x(left) + 6, north ? y(top) + 15 : y(bottom) - 7, `${q} ${QUADRANTS[q]}`, {
        class: `quad-label ${q}`, 'text-anchor': east ? 'end' : 'start',
      });
    }

    // The path joins the music seconds only; seconds without music have no place on the plane.
    const musicRuns = runs(track).filter((r) => r.music);
    for (const run of musicRuns) {
      const points = track.valence.slice(run.start, run.end)
        .map((v, k) => `${x(v).toFixed(1)},${y(track.arousal[run.start + k]).toFixed(1)}`).join(' ');
      node('polyline', { points, class: 'path', 'data-points': run.end - run.start }, area);
    }
    if (track.valence.length <= 900) {
      track.valence.forEach((v, i) => isMusic(track, i) && node('circle', { cx: x(v), cy: y(track.arousal[i]), r: 1.8, class: 'path-dot' }, area));
    }
    if (musicRuns.length > 0) {
      const first = musicRuns[0].start, last = musicRuns[musicRuns.length - 1].end - 1;
      node('circle', { cx: x(track.valence[first]), cy: y(track.arousal[first]), r: 5, class: 'start' }, area);
      node('rect', { x: x(track.valence[last]) - 4.5, y: y(track.arousal[last]) - 4.5, width: 9, height: 9, class: 'end' }, area);
    }
    if (track.summary.valence && track.summary.arousal) {
      const mx = x(track.summary.valence.mean), my = y(track.summary.arousal.mean);
      node('path', { d: `M${mx - 6},${my - 6}L${mx + 6},${my + 6}M${mx - 6},${my + 6}L${mx + 6},${my - 6}`, class: 'mean' }, area);
    } else {
      text(area, m.left + inner / 2, m.top + innerHeight / 2 - 14, 'no music: no mood to place', { 'text-anchor': 'middle', class: 'no-music-label' });
    }

    text(this.svg, m.left + inner / 2, size - 8, 'valence: unpleasant → pleasant', { 'text-anchor': 'middle', class: 'axis-title' });
    const yTitle = text(this.svg, 0, 0, 'arousal: calm → excited', { 'text-anchor': 'middle', class: 'axis-title' });
    yTitle.setAttribute('transform', `translate(14 ${m.top + innerHeight / 2}) rotate(-90)`);
    text(this.svg, m.left - 4, m.top + innerHeight + 13, signed(x0, 1), { 'text-anchor': 'start' });
    text(this.svg, m.left + inner, m.top + innerHeight + 13, signed(x1, 1), { 'text-anchor': 'end' });

    this.nowDot = node('circle', { r: 6.5, class: 'now-dot' }, area);
    this.hoverLayer = node('g', { visibility: 'hidden' }, area);
    this.hoverRing = node('circle', { r: 7, class: 'hover-ring' }, this.hoverLayer);
  }

  movePlayhead() {
    if (!this.nowDot) return;
    // Between two seconds the dot glides from one value to the next, so it moves smoothly while the song plays.
    const t = Math.max(0, Math.min(this.track.valence.length - 1, this.time - 0.5));
    const i = Math.floor(t), j = Math.min(i + 1, this.track.valence.length - 1), f = t - i;
    const v = this.track.valence[i] * (1 - f) + this.track.valence[j] * f;
    const a = this.track.arousal[i] * (1 - f) + this.track.arousal[j] * f;
    this.nowDot.setAttribute('cx', this.x(v));
    this.nowDot.setAttribute('cy', this.y(a));
    // No place on the plane while the playhead is in a stretch without music.
    this.nowDot.setAttribute('visibility', isMusic(this.track, secondAt(this.track, this.time)) ? 'visible' : 'hidden');
  }

  nearest(e) {
    const box = this.svg.getBoundingClientRect();
    const scale = this.svg.viewBox.baseVal.width / box.width;
    const px = (e.clientX - box.left) * scale, py = (e.clientY - box.top) * scale;
    let best = -1, bestDistance = Infinity;
    for (let i = 0; i < this.track.valence.length; i++) {
      if (!isMusic(this.track, i)) continue;
      const dx = this.x(this.track.valence[i]) - px, dy = this.y(this.track.arousal[i]) - py;
      const d = dx * dx + dy * dy;
      if (d < bestDistance) { best = i; bestDistance = d; }
    }
    return Math.sqrt(bestDistance) <= 22 ? best : -1;
  }

  hover(e) {
    const i = this.nearest(e);
    if (i < 0) {
      this.unhover();
      return;
    }
    const a = this.track.arousal[i], v = this.track.valence[i];
    this.hoverRing.setAttribute('cx', this.x(v));
    this.hoverRing.setAttribute('cy', this.y(a));
    this.hoverLayer.setAttribute('visibility', 'visible');
    this.tooltip.show(e.clientX, e.clientY, [
      { text: clock(i), bold: true }, '  ',
      { text: `valence ${signed(v)}`, className: 'v' }, '  ',
      { text: `arousal ${signed(a)}`, className: 'a' }, `  ${QUADRANTS[quadrantOf(a, v)]}`,
    ]);
  }

  click(e) {
    const i = this.nearest(e);
    if (i >= 0) this.onSeek(i, true);
  }
}
