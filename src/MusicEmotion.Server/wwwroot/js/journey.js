// The "Journey" view: choose moods or draw a path on the valence–arousal plane, plan a playlist that follows it
// (POST /api/journeys), see each planned song's own curve along the path, play the journey through (the next song
// starts when one ends, the playhead moves along the journey) and save it as M3U8. Self-contained: it talks to the
// page only through the main player (paused while the journey plays, and the other way round).

import { ApiError, planJourney } from './api.js';
import { QUADRANTS, clock, el, signed } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const MOODS = ['calm', 'relaxed', 'peaceful', 'happy', 'joyful', 'lively', 'energetic', 'excited', 'tense', 'angry',
  'aggressive', 'dark', 'melancholic', 'sad', 'neutral'];
const COLOURS = ['#3b5bdb', '#e8590c', '#2f9e44', '#ae3ec9', '#1098ad', '#f08c00', '#e03131', '#5c940d', '#862e9c', '#0b7285'];
const SIZE = 360, MARGIN = 28;

const $ = (id) => document.getElementById(id);
const root = $('journey');

/** Plane coordinates (valence, arousal on [-1, 1]) to SVG pixels and back. */
const toX = (valence) => MARGIN + ((valence + 1) / 2) * (SIZE - (2 * MARGIN));
const toY = (arousal) => SIZE - MARGIN - (((arousal + 1) / 2) * (SIZE - (2 * MARGIN)));
const fromX = (x) => Math.max(-1, Math.min(1, (((x - MARGIN) / (SIZE - (2 * MARGIN))) * 2) - 1));
const fromY = (y) => Math.max(-1, Math.min(1, (((SIZE - MARGIN - y) / (SIZE - (2 * MARGIN))) * 2) - 1));

function svg(tag, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (parent) parent.append(node);
  return node;
}

const state = {
  drawing: false, // the next pointer drag draws a path
  drawn: null, // [{valence, arousal}] drawn by hand, or null
  plan: null, // the planned journey (API response)
  name: '',
  playing: -1, // index of the song in the player, -1 none
};

function init() {
  if (!root) return;
  for (const [id, initial] of [['journey-from', 'calm'], ['journey-via', ''], ['journey-to', 'energetic']]) {
    const select = $(id);
    for (const mood of MOODS) select.append(el('option', { value: mood }, mood));
    select.value = initial;
  }

  const plane = $('journey-plane');
  const chart = svg('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img', 'aria-label': 'The journey on the valence–arousal plane' }, plane);
  state.svg = chart;
  drawPlane();

  $('journey-form').addEventListener('submit', (e) => {
    e.preventDefault();
    plan();
  });
  $('journey-draw').addEventListener('click', () => setDrawing(!state.drawing));
  $('journey-clear').addEventListener('click', () => {
    state.drawn = null;
    setDrawing(false);
    drawPlane();
    setStatus('');
  });
  chart.addEventListener('pointerdown', startDrawing);
  $('journey-play').addEventListener('click', () => (audio().paused || state.playing < 0 ? play(Math.max(0, state.playing)) : audio().pause()));

  const player = audio();
  player.addEventListener('ended', () => {
    if (state.plan && state.playing + 1 < state.plan.steps.length) play(state.playing + 1);
    else stop();
  });
  player.addEventListener('play', () => {
    document.getElementById('audio')?.pause();
    $('journey-play').textContent = 'Pause';
    follow();
  });
  player.addEventListener('pause', () => { $('journey-play').textContent = 'Play the journey'; });
  player.addEventListener('error', () => setStatus('This browser cannot play a song of the journey; skipping it.', true));
  // The song player of the page and the journey never play at once.
  document.getElementById('audio')?.addEventListener('play', () => player.pause());
}

const audio = () => $('journey-audio');

function setStatus(message, error = false) {
  const box = $('journey-status');
  box.textContent = message;
  box.classList.toggle('error', error);
}

function setDrawing(on) {
  state.drawing = on;
  $('journey-draw').setAttribute('aria-pressed', String(on));
  $('journey-plane').classList.toggle('drawing', on);
  if (on) setStatus('Drag on the plane to draw the path, from where the journey starts to where it ends.');
}

// ---- Drawing a path ------------------------------------------------------------------------------------------

function pointOf(event) {
  const box = state.svg.getBoundingClientRect();
  const x = ((event.clientX - box.left) / box.width) * SIZE, y = ((event.clientY - box.top) / box.height) * SIZE;
  return { valence: Math.round(fromX(x) * 1000) / 1000, arousal: Math.round(fromY(y) * 1000) / 1000 };
}

function startDrawing(event) {
  if (!state.drawing) return;
  event.preventDefault();
  state.svg.setPointerCapture(event.pointerId);
  const points = [pointOf(event)];
  const move = (e) => {
    const p = pointOf(e), last = points[points.length - 1];
    if (Math.hypot(p.valence - last.valence, p.arousal - last.arousal) >= 0.03 && points.length < 1000) {
      points.push(p);
      state.drawn = points;
      drawPlane();
    }
  };
  const end = () => {
    state.svg.removeEventListener('pointermove', move);
    state.svg.removeEventListener('pointerup', end);
    state.svg.removeEventListener('pointercancel', end);
    setDrawing(false);
    if (points.length < 2) {
      state.drawn = null;
      setStatus('Draw a longer path (drag across the plane).', true);
    } else {
      state.drawn = points;
      setStatus(`Path drawn (${points.length} points). Plan the journey to choose its songs.`);
    }
    drawPlane();
  };
  state.svg.addEventListener('pointermove', move);
  state.svg.addEventListener('pointerup', end);
  state.svg.addEventListener('pointercancel', end);
}

// ---- Planning ------------------------------------------------------------------------------------------------

async function plan() {
  const songs = Number($('journey-songs').value);
  if (!Number.isInteger(songs) || songs < 1 || songs > 50) {
    setStatus('Songs: a whole number from 1 to 50.', true);
    return;
  }
  const body = { songs };
  if (state.drawn) {
    body.path = state.drawn;
    state.name = 'drawn path';
  } else {
    body.from = $('journey-from').value;
    body.to = $('journey-to').value;
    if ($('journey-via').value) body.via = [$('journey-via').value];
    state.name = [body.from, ...(body.via || []), body.to].join(' → ');
  }
  stop();
  setStatus('Planning…');
  $('journey-plan').disabled = true;
  try {
    state.plan = await planJourney(body);
  } catch (error) {
    state.plan = null;
    setStatus(error instanceof ApiError ? `No journey: ${error.message}` : `No journey: ${error}`, true);
    render();
    return;
  } finally {
    $('journey-plan').disabled = false;
  }
  const p = state.plan;
  const left = p.noMusicTracks > 0 ? ` ${p.noMusicTracks} song(s) without music were left out.` : '';
  const short = p.shortened ? ` Only ${p.steps.length} songs fit (the library is small).` : '';
  setStatus(`${p.steps.length} songs, ${clock(p.durationSeconds)}; path error ${p.pathError?.toFixed(3) ?? '–'}, mean hand-over jump ${p.meanHandOverJump?.toFixed(3) ?? '–'}.${short}${left}`);
  render();
}

function render() {
  drawPlane();
  const list = $('journey-list');
  list.replaceChildren();
  const p = state.plan;
  $('journey-play').disabled = !p || p.steps.length === 0;
  const save = $('journey-save');
  save.hidden = !p || p.steps.length === 0;
  if (!p) return;
  if (save.href.startsWith('blob:')) URL.revokeObjectURL(save.href);
  save.href = URL.createObjectURL(new Blob([m3u8(p, state.name)], { type: 'audio/mpegurl' }));
  save.download = `journey ${state.name.replace(/[^\p{L}\p{N} _-]+/gu, ' ').trim() || 'drawn'}.m3u8`;
  p.steps.forEach((step, i) => {
    const key = [step.tempoBpm ? `${Math.round(step.tempoBpm)} BPM` : null, step.key].filter(Boolean).join(' · ');
    list.append(el('li', { class: 'journey-step', 'data-index': i },
      swatch(i),
      el('div', { class: 'journey-step-text' },
        el('div', { class: 'journey-step-head' },
          el('strong', { class: 'journey-step-name', title: step.name }, step.name),
          el('span', { class: 'meta' }, `${clock(step.startSeconds)} · ${clock(step.durationSeconds)}${key ? ` · ${key}` : ''}`)),
        el('p', { class: 'journey-why' }, step.explanation)),
      el('button', { type: 'button', class: 'button small', 'aria-label': `Play the journey from ${step.name}`, onclick: () => play(i) }, 'Play')));
  });
}

/** The numbered colour chip of song <i> (coloured through the CSSOM: the page's CSP allows no inline style attributes). */
function swatch(i) {
  const chip = el('span', { class: 'journey-swatch', 'aria-hidden': 'true' }, String(i + 1));
  chip.style.backgroundColor = COLOURS[i % COLOURS.length];
  return chip;
}

/** The plan as an extended M3U playlist (UTF-8): durations, titles, absolute audio URLs. */
function m3u8(p, name) {
  const lines = ['#EXTM3U', `#PLAYLIST:${name}`];
  for (const step of p.steps) {
    lines.push(`#EXTINF:${Math.round(step.durationSeconds)},${step.name.replace(/[\r\n]+/g, ' ')}`);
    lines.push(new URL(step.links.audio, location.href).href);
  }
  return `${lines.join('\n')}\n`;
}

// ---- The plane -----------------------------------------------------------------------------------------------

function drawPlane() {
  const chart = state.svg;
  chart.replaceChildren();
  const quadrants = [['Q1', 1, 1], ['Q2', -1, 1], ['Q3', -1, -1], ['Q4', 1, -1]];
  for (const [q, v, a] of quadrants) {
    svg('rect', { x: Math.min(toX(0), toX(v)), y: Math.min(toY(0), toY(a)), width: Math.abs(toX(v) - toX(0)), height: Math.abs(toY(a) - toY(0)), class: `quadrant ${q.toLowerCase()}` }, chart);
    const label = svg('text', { x: toX(v * 0.55), y: toY(a * 0.82), class: 'quadrant-label', 'text-anchor': 'middle' }, chart);
    label.textContent = `${q} ${QUADRANTS[q]}`;
  }
  svg('line', { x1: toX(-1), y1: toY(0), x2: toX(1), y2: toY(0), class: 'axis' }, chart);
  svg('line', { x1: toX(0), y1: toY(-1), x2: toX(0), y2: toY(1), class: 'axis' }, chart);
  const axis = (x, y, t, anchor) => { svg('text', { x, y, class: 'axis-label', 'text-anchor': anchor }, chart).textContent = t; };
  axis(toX(1), toY(0) - 4, 'valence +', 'end');
  axis(toX(0) - 4, toY(1) + 10, 'arousal +', 'end');

  const path = state.plan ? state.plan.path : state.drawn;
  if (path && path.length > 1) {
    svg('polyline', { points: path.map((p) => `${toX(p.valence)},${toY(p.arousal)}`).join(' '), class: 'journey-path' }, chart);
    const end = path[path.length - 1];
    svg('circle', { cx: toX(path[0].valence), cy: toY(path[0].arousal), r: 5, class: 'journey-path-start' }, chart);
    svg('circle', { cx: toX(end.valence), cy: toY(end.arousal), r: 5, class: 'journey-path-end' }, chart);
  }
  if (!state.plan) return;

  const steps = state.plan.steps;
  steps.forEach((step, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const group = svg('g', { class: 'journey-song', 'data-index': i }, chart);
    // The song's own curve, over its seconds of music only (a silence breaks the line).
    let run = [];
    const flush = () => {
      if (run.length > 1) svg('polyline', { points: run.join(' '), stroke: colour, class: 'journey-curve' }, group);
      run = [];
    };
    for (let s = 0; s < step.arousal.length; s++) {
      if (step.music && !step.music[s]) { flush(); continue; }
      run.push(`${toX(step.valence[s])},${toY(step.arousal[s])}`);
    }
    flush();
    // The journey as a line: each song's start to end (its head and tail moods), hand-overs dotted.
    svg('line', { x1: toX(step.head.valence), y1: toY(step.head.arousal), x2: toX(step.tail.valence), y2: toY(step.tail.arousal), stroke: colour, class: 'journey-line' }, group);
    if (i > 0) {
      const before = steps[i - 1];
      svg('line', { x1: toX(before.tail.valence), y1: toY(before.tail.arousal), x2: toX(step.head.valence), y2: toY(step.head.arousal), class: 'journey-handover' }, chart);
    }
    svg('circle', { cx: toX(step.head.valence), cy: toY(step.head.arousal), r: 8, fill: colour, class: 'journey-number-dot' }, group);
    const n = svg('text', { x: toX(step.head.valence), y: toY(step.head.arousal) + 3.5, class: 'journey-number', 'text-anchor': 'middle' }, group);
    n.textContent = String(i + 1);
    const title = svg('title', {}, group);
    title.textContent = `${i + 1}. ${step.name}: ${step.explanation}`;
  });
  state.playhead = svg('circle', { r: 6, class: 'journey-playhead', visibility: 'hidden' }, chart);
  showPlayhead();
}

// ---- Playing it through --------------------------------------------------------------------------------------

function play(index) {
  const p = state.plan;
  if (!p || index < 0 || index >= p.steps.length) return;
  const player = audio();
  if (state.playing !== index || !player.src) {
    state.playing = index;
    player.src = p.steps[index].links.audio;
  }
  player.play().catch(() => {});
  highlight();
}

function stop() {
  const player = audio();
  player.pause();
  player.removeAttribute('src');
  state.playing = -1;
  highlight();
  showPlayhead();
}

function highlight() {
  for (const item of document.querySelectorAll('#journey-list .journey-step')) {
    const current = Number(item.dataset.index) === state.playing;
    item.classList.toggle('playing', current);
    if (current) item.setAttribute('aria-current', 'true');
    else item.removeAttribute('aria-current');
  }
}

function showPlayhead() {
  const p = state.plan, head = state.playhead, now = $('journey-now');
  if (!p || !head || state.playing < 0) {
    if (head) head.setAttribute('visibility', 'hidden');
    if (now) now.textContent = '';
    return;
  }
  const step = p.steps[state.playing];
  const t = audio().currentTime || 0;
  const s = Math.max(0, Math.min(step.arousal.length - 1, Math.floor(t)));
  head.setAttribute('cx', toX(step.valence[s]));
  head.setAttribute('cy', toY(step.arousal[s]));
  head.setAttribute('visibility', 'visible');
  const mood = step.music && !step.music[s] ? 'no music' : `arousal ${signed(step.arousal[s])} · valence ${signed(step.valence[s])}`;
  now.textContent = `${state.playing + 1}/${p.steps.length} ${step.name} — ${clock(step.startSeconds + t)} / ${clock(p.durationSeconds)} — ${mood}`;
}

let frame = 0;
function follow() {
  cancelAnimationFrame(frame);
  const tick = () => {
    showPlayhead();
    frame = audio().paused ? 0 : requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
}

init();
