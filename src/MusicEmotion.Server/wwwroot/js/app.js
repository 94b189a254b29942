// The MusicEmotion page: upload songs, browse the library, see a song's emotion curves while it plays, mark songs
// liked or disliked and get recommendations. Plain ES modules; everything it shows comes from the service's API.

import * as api from './api.js';
import { PlaneChart, TimelineChart, Tooltip, isMusic, readout } from './charts.js';
import { MOOD_WORDS, QUADRANTS, bytes, clock, el, fold, signed } from './format.js';
import { thumbIcon } from './icons.js';
import { Preferences } from './preferences.js';
import { UploadQueue } from './uploads.js';

const $ = (id) => document.getElementById(id);
const audio = $('audio');
const tooltip = new Tooltip($('tooltip'));
const preferences = new Preferences();

for (const button of document.querySelectorAll('[data-icon]')) button.prepend(thumbIcon(button.dataset.icon));

const state = {
  tracks: [], // library items, newest first
  current: null, // the open track (full response)
  playAfterLoad: false,
};

// ---- Charts and player ---------------------------------------------------------------------------------------

function seek(seconds, play) {
  if (!state.current) return;
  audio.currentTime = seconds;
  showTime(seconds);
  if (play && audio.paused) audio.play().catch(() => {});
}

function togglePlay() {
  if (audio.paused) audio.play().catch(() => {});
  else audio.pause();
}

const chartOptions = { tooltip, onSeek: seek, onToggle: togglePlay };
const timeline = new TimelineChart($('timeline-chart'), { ...chartOptions, label: 'Arousal and valence over time; arrow keys move, Enter plays or pauses' });
const plane = new PlaneChart($('plane-chart'), { ...chartOptions, label: 'Path through the valence–arousal plane; arrow keys move, Enter plays or pauses' });
$('plane-chart').after(el('p', { class: 'hint' }, '○ start  ■ end  × mean  ● now — hover a point to read it, click to hear it.'));

function showTime(seconds) {
  timeline.setTime(seconds);
  plane.setTime(seconds);
  const track = state.current;
  if (!track) return;
  const i = Math.max(0, Math.min(track.arousal.length - 1, Math.floor(seconds)));
  const reading = readout({ arousal: track.arousal[i], valence: track.valence[i], music: isMusic(track, i) });
  $('now').textContent = `${clock(seconds)} / ${clock(track.durationSeconds)} — ${reading.replaceAll(', ', ' · ')}`;
  showChord(seconds);
}

// ---- Key and chords of the song's notes (GET /api/tracks/{id}/harmony) -----------------------------------------

const harmony = { id: null, data: null };

function strong(text) {
  return el('b', {}, text);
}

/** Loads the open song's key and chords; the service may first transcribe its notes (busy: retried as it asks). */
async function loadHarmony(track) {
  harmony.id = track.id;
  harmony.data = null;
  $('harmony-key').replaceChildren('Key from the notes: reading the notes…');
  $('harmony-key').removeAttribute('title');
  $('harmony-chord').hidden = true;
  delete $('harmony-chord').dataset.chord;
  for (let attempt = 0; ; attempt++) {
    let data;
    try {
      data = await api.getHarmony(track.id);
    } catch (error) {
      if (harmony.id !== track.id) return;
      if ((error.status === 503 || error.status === 429) && attempt < 10) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, error.retryAfter || 2) * 1000));
        if (harmony.id !== track.id) return;
        continue;
      }
      $('harmony-key').replaceChildren(`Key and chords: not available (${error.message})`);
      return;
    }
    if (harmony.id !== track.id) return;
    harmony.data = data;
    $('harmony-key').replaceChildren('Key from the notes: ', strong(data.key ? data.key.label : 'none'));
    $('harmony-key').title = data.key
      ? `${data.noteCount} notes; strength ${data.key.strength.toFixed(2)} (0.6 and above is a clear key)`
      : `${data.noteCount} notes: too few to name a key`;
    $('harmony-chord').hidden = false;
    showChord(audio.currentTime);
    return;
  }
}

/** The chord span holding <seconds>, or null. */
function chordAt(chords, seconds) {
  let low = 0;
  let high = chords.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (seconds < chords[mid].start) high = mid - 1;
    else if (seconds >= chords[mid].end) low = mid + 1;
    else return chords[mid];
  }
  return null;
}

function showChord(seconds) {
  const data = harmony.data;
  if (!data || !state.current || data.trackId !== state.current.id) return;
  const chord = chordAt(data.chords, seconds);
  const box = $('harmony-chord');
  const label = chord ? chord.label : '–';
  if (box.dataset.chord === label) return;
  box.dataset.chord = label;
  box.replaceChildren('Chord now: ', strong(label));
  box.title = chord ? `${clock(chord.start)}–${clock(chord.end)}` : 'no chord in this second';
}

let frame = 0;
function follow() {
  showTime(audio.currentTime);
  frame = audio.paused ? 0 : requestAnimationFrame(follow);
}
audio.addEventListener('play', () => {
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(follow);
});
audio.addEventListener('pause', () => showTime(audio.currentTime));
audio.addEventListener('seeked', () => showTime(audio.currentTime));
audio.addEventListener('error', () => {
  if (!state.current) return;
  const box = $('player-error');
  box.textContent = 'This browser cannot play this audio format; the curves and statistics are still shown.';
  box.hidden = false;
});
audio.addEventListener('canplay', () => {
  if (state.playAfterLoad) {
    state.playAfterLoad = false;
    audio.play().catch(() => {});
  }
});

$('zoom').addEventListener('change', (e) => {
  timeline.setZoom(e.target.checked);
  plane.setZoom(e.target.checked);
});

// ---- The open song -------------------------------------------------------------------------------------------

async function openTrack(id, { play = false } = {}) {
  let track;
  try {
    track = await api.getTrack(id);
  } catch (error) {
    setRecStatus(`Cannot open the song: ${error.message}`, true);
    return;
  }
  state.current = track;
  $('welcome').hidden = true;
  $('detail').hidden = false;
  $('player-error').hidden = true;
  $('track-name').textContent = track.name;
  const sound = track.sound.tempoBpm > 0 ? ` · ${Math.round(track.sound.tempoBpm)} BPM` : '';
  // Without music there is no key or tempo to trust: say so instead of the estimator's guess on silence. The key here is
  // the chroma key of the audio (what the recommender uses), labelled apart from the key of the notes under the player.
  $('track-meta').textContent = track.summary.arousal
    ? `${clock(track.durationSeconds)} · Key (chroma): ${track.sound.key}${sound}`
    : `${clock(track.durationSeconds)} · no music`;
  $('track-meta').title = `analysed by ${track.modelName} ${track.modelVersion}`;
  const base = track.name.replace(/\.[^.]+$/, '') || 'song';
  $('download-csv').href = track.links.timelineCsv;
  $('download-csv').download = `${base}.emotion.csv`;
  $('download-png').href = track.links.plotPng;
  $('download-png').download = `${base}.emotion.png`;
  state.playAfterLoad = play;
  audio.src = track.links.audio;
  timeline.setTrack(track);
  plane.setTrack(track);
  loadHarmony(track);
  showTime(0);
  renderStats(track);
  renderMarks();
  renderLibrary();
}

function renderStats(track) {
  const s = track.summary;
  const note = $('no-music-note');
  const silent = track.music ? track.music.filter((m) => !m).length : 0;
  note.hidden = silent === 0;
  note.textContent = !s.arousal
    ? 'No music detected: the whole file is silence or a steady signal, so no mood is read and it is never recommended.'
    : `${clock(silent)} without music (greyed) ${silent === 1 ? 'is' : 'are'} left out of these figures.`;
  if (!s.arousal || !s.valence) {
    $('stat-table').replaceChildren();
    $('shares').replaceChildren();
    $('facts').replaceChildren(el('dt', {}, 'Mood'), el('dd', {}, 'none (no music)'));
    $('description').textContent = track.description || 'No music detected.';
    return;
  }
  const row = (name, d) => el('tr', {},
    el('th', { scope: 'row' }, name),
    el('td', {}, signed(d.mean)), el('td', {}, d.standardDeviation.toFixed(2)),
    el('td', {}, signed(d.min)), el('td', {}, signed(d.max)), el('td', {}, signed(d.trendPerMinute)));
  $('stat-table').replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', { scope: 'col' }, 'mean'), el('th', { scope: 'col' }, 'spread'),
      el('th', { scope: 'col' }, 'min'), el('th', { scope: 'col' }, 'max'), el('th', { scope: 'col', title: 'change per minute' }, 'trend/min'))),
    el('tbody', {}, row('Arousal', s.arousal), row('Valence', s.valence)));

  $('shares').replaceChildren(...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => {
    const share = s.quadrantShares[q.toLowerCase()];
    const fill = el('div', { class: `fill ${q}` });
    fill.style.width = `${(share * 100).toFixed(1)}%`;
    return el('div', { class: 'share' },
      el('span', {}, `${q} ${QUADRANTS[q]}`), el('div', { class: 'bar' }, fill), el('span', { class: 'pct' }, `${Math.round(share * 100)}%`));
  }));

  const momentButton = (m, label) => el('button', {
    type: 'button', class: 'link-button', onclick: () => seek(m.second, true), title: `Play from ${clock(m.second)}`,
  }, label);
  // The library decides whether the strongest moment stands out (the rule the description uses); the page never repeats it.
  const strongest = s.strongestMomentStandsOut ? s.strongestMoments[0] : null;
  const mostly = dominant(s.quadrantShares);
  const list = $('facts');
  list.replaceChildren(el('dt', {}, 'Mostly'), el('dd', {}, `${QUADRANTS[mostly]} (${Math.round(s.quadrantShares[mostly.toLowerCase()] * 100)}% of the time)`));
  list.append(el('dt', {}, 'Strongest moment'), strongest
    ? el('dd', {}, momentButton(strongest, `${clock(strongest.second)} (${QUADRANTS[strongest.quadrant]})`))
    : el('dd', { class: 'none-stands-out' }, 'none stands out'));
  if (s.arousalPeaks.length > 0) {
    const peaks = el('dd', {});
    s.arousalPeaks.slice(0, 4).forEach((m, i) => {
      if (i > 0) peaks.append(', ');
      peaks.append(momentButton(m, clock(m.second)));
    });
    list.append(el('dt', {}, 'Arousal peaks'), peaks);
  }
  $('description').textContent = track.description || 'No description.';
}

function dominant(shares) {
  const share = (q) => shares[q.toLowerCase()];
  return ['Q1', 'Q2', 'Q3', 'Q4'].reduce((best, q) => (share(q) > share(best) ? q : best), 'Q1');
}

// ---- Library -------------------------------------------------------------------------------------------------

async function loadLibrary() {
  try {
    state.tracks = (await api.getAllTracks()).reverse();
  } catch (error) {
    $('library-empty').textContent = `The library cannot be read: ${error.message}`;
    $('library-empty').hidden = false;
    $('library').hidden = true;
    return;
  }
  preferences.keepOnly(new Set(state.tracks.map((t) => t.id)));
  renderLibrary();
  renderRecBasis();
}

function markButton(id, mark, name) {
  const liked = mark === 'liked';
  return el('button', {
    type: 'button',
    class: `toggle ${liked ? 'like' : 'dislike'}`,
    'aria-pressed': preferences.of(id) === mark ? 'true' : 'false',
    'aria-label': `${liked ? 'Like' : 'Dislike'} ${name}`,
    title: liked ? 'I like this' : 'Not for me',
    onclick: () => setMark(id, mark),
  }, thumbIcon(liked ? 'up' : 'down'));
}

function setMark(id, mark) {
  preferences.toggle(id, mark);
  renderLibrary();
  renderMarks();
  renderRecBasis();
}

/** Whether a library item matches every word of the search, by its name or its mood (happy, tense, sad, calm, Q1…). */
function matches(track, words) {
  const name = fold(track.name);
  const moods = track.dominantQuadrant ? MOOD_WORDS[track.dominantQuadrant] || [] : ['none', 'no music', 'silence'];
  return words.every((word) => name.includes(word) || moods.some((mood) => mood.startsWith(word)));
}

function renderLibrary() {
  const list = $('library-list');
  const moodOf = (t) => (t.dominantQuadrant ? QUADRANTS[t.dominantQuadrant] : 'no music');
  const focused = document.activeElement && document.activeElement.closest('.track-row');
  const focusKey = focused ? `${focused.dataset.id}|${[...focused.querySelectorAll('button')].indexOf(document.activeElement)}` : null;
  const query = $('library-search').value.trim();
  const words = fold(query).split(/\s+/).filter(Boolean);
  const shown = words.length ? state.tracks.filter((t) => matches(t, words)) : state.tracks;
  list.replaceChildren(...shown.map((t) => el('li', {
    class: `track-row${state.current && state.current.id === t.id ? ' selected' : ''}`, 'data-id': t.id,
  },
  el('button', {
    type: 'button', class: 'open', onclick: () => openTrack(t.id), 'aria-current': state.current && state.current.id === t.id ? 'true' : null,
    title: `${t.name}\n${clock(t.durationSeconds)} · ${moodOf(t)}`,
  },
  el('span', { class: `mood-dot ${t.dominantQuadrant || 'none'}` }),
  el('span', { class: 'text' },
    el('span', { class: 'title' }, t.name),
    el('span', { class: 'sub' }, `${clock(t.durationSeconds)} · ${moodOf(t)}`))),
  markButton(t.id, 'liked', t.name),
  markButton(t.id, 'disliked', t.name))));
  if (focusKey) {
    const [id, index] = focusKey.split('|');
    const row = [...list.children].find((li) => li.dataset.id === id);
    if (row) row.querySelectorAll('button')[Number(index)]?.focus();
  }
  const total = state.tracks.length;
  $('library-count').textContent = !total ? '' : words.length ? `(${shown.length} of ${total})` : `(${total})`;
  $('library').hidden = total === 0;
  $('library-empty').hidden = total > 0;
  $('library-no-match').hidden = !words.length || shown.length > 0;
  $('library-no-match').textContent = `No song matches “${query}”.`;
}

$('library-search').addEventListener('input', () => renderLibrary());

function renderMarks() {
  if (!state.current) return;
  const mark = preferences.of(state.current.id);
  $('detail-like').setAttribute('aria-pressed', mark === 'liked' ? 'true' : 'false');
  $('detail-dislike').setAttribute('aria-pressed', mark === 'disliked' ? 'true' : 'false');
}

$('detail-like').addEventListener('click', () => state.current && setMark(state.current.id, 'liked'));
$('detail-dislike').addEventListener('click', () => state.current && setMark(state.current.id, 'disliked'));
$('detail-delete').addEventListener('click', async () => {
  const track = state.current;
  if (!track || !window.confirm(`Delete “${track.name}” from the library? Its audio is removed too.`)) return;
  try {
    await api.deleteTrack(track.id);
  } catch (error) {
    window.alert(`Not deleted: ${error.message}`);
    return;
  }
  audio.removeAttribute('src');
  audio.load();
  state.current = null;
  $('detail').hidden = true;
  $('welcome').hidden = false;
  await loadLibrary();
});

// ---- Uploads -------------------------------------------------------------------------------------------------

let queue = null;
let refreshTimer = 0;

function onAdded(track) {
  // Refresh the library once a burst of uploads settles; open the first song when none is open.
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(loadLibrary, 150);
  if (!state.current) openTrack(track.id);
}

function addFiles(files) {
  if (files.length > 0) queue.add([...files]);
}

const dropzone = $('dropzone');
$('choose-files').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', (e) => {
  addFiles(e.target.files);
  e.target.value = '';
});
for (const type of ['dragenter', 'dragover']) {
  dropzone.addEventListener(type, (e) => {
    e.preventDefault();
    dropzone.classList.add('over');
  });
}
for (const type of ['dragleave', 'drop']) {
  dropzone.addEventListener(type, (e) => {
    e.preventDefault();
    if (type === 'drop' || !dropzone.contains(e.relatedTarget)) dropzone.classList.remove('over');
  });
}
dropzone.addEventListener('drop', (e) => addFiles(e.dataTransfer.files));
// A file dropped anywhere else would make the browser open it and leave the page.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

// ---- Recommendations -----------------------------------------------------------------------------------------

function setRecStatus(message, error = false) {
  const status = $('rec-status');
  status.textContent = message;
  status.classList.toggle('error', error);
}

function renderRecBasis() {
  const liked = preferences.liked.size, disliked = preferences.disliked.size;
  $('recommend').disabled = liked === 0;
  $('recs-basis').textContent = liked === 0
    ? 'Like a song (thumbs up) to get recommendations.'
    : `From ${liked} liked${disliked ? ` and ${disliked} disliked` : ''} song${liked + disliked > 1 ? 's' : ''}.`;
}

function recOptions() {
  const k = Math.max(1, Math.min(50, Number($('rec-k').value) || 10));
  return { k, diversity: Number($('rec-diversity').value), similarity: $('rec-similarity').value };
}

function renderRecs(result, heading) {
  const names = new Map(state.tracks.map((t) => [t.id, t.name]));
  const varied = result.diversity > 0;
  $('rec-list').replaceChildren(...result.items.map((r) => el('li', { class: 'rec' },
    el('div', { class: 'rec-top' },
      el('button', { type: 'button', class: 'play', 'aria-label': `Play ${r.name}`, title: 'Play', onclick: () => openTrack(r.id, { play: true }) }, '▶'),
      el('button', { type: 'button', class: 'rec-name', title: r.name, onclick: () => openTrack(r.id) }, r.name),
      el('span', {
        class: 'score',
        title: varied
          ? `score ${r.score.toFixed(2)} = match ${r.relevance.toFixed(2)} ${r.diversityContribution < 0 ? '−' : '+'} ${Math.abs(r.diversityContribution).toFixed(2)} for variety (0 to 1; the list is in score order)`
          : `match ${r.relevance.toFixed(2)} (0 to 1: 0.5 unrelated, 1 identical)`,
      }, r.score.toFixed(2))),
    varied ? el('p', { class: 'score-parts' }, `match ${r.relevance.toFixed(2)} · variety ${signed(r.diversityContribution)}`) : null,
    el('p', { class: 'why' }, r.explanation, names.has(r.closestLikedId) && preferences.liked.size > 1 ? ` (closest to ${names.get(r.closestLikedId)})` : ''))));
  const stale = result.staleTracks ? `; ${result.staleTracks} songs analysed by an older model were left out` : '';
  setRecStatus(result.items.length
    ? `${heading}: ${result.items.length} of ${result.searchedTracks} songs${stale}.`
    : `No other songs to recommend yet: add more songs${stale}.`);
}

$('rec-diversity').addEventListener('input', (e) => {
  $('rec-diversity-out').textContent = Number(e.target.value).toFixed(1);
});

$('recommend').addEventListener('click', async () => {
  const { k, diversity, similarity } = recOptions();
  setRecStatus('Finding songs…');
  try {
    const result = await api.recommend({ liked: [...preferences.liked], disliked: [...preferences.disliked], k, diversity, similarity });
    renderRecs(result, 'Recommended');
  } catch (error) {
    setRecStatus(error.message, true);
  }
});

$('detail-similar').addEventListener('click', async () => {
  const track = state.current;
  if (!track) return;
  const { k, similarity } = recOptions();
  setRecStatus('Finding songs…');
  try {
    renderRecs(await api.similar(track.id, k, similarity), `Most like ${track.name}`);
  } catch (error) {
    setRecStatus(error.message, true);
  }
});

// ---- Start ---------------------------------------------------------------------------------------------------

async function start() {
  let info = { maxUploadBytes: 0, writesRequireApiKey: false };
  try {
    info = await api.getServerInfo();
    $('model-name').textContent = `model ${info.modelName} ${info.modelVersion}`;
    $('upload-limits').textContent = `MP3, WAV, FLAC, Ogg, M4A and more · up to ${bytes(info.maxUploadBytes)}, ${Math.round(info.maxDurationSeconds / 60)}\u00a0min`;
  } catch (error) {
    $('model-name').textContent = `service unavailable: ${error.message}`;
  }
  if (info.writesRequireApiKey) {
    const input = $('api-key');
    $('api-key-box').hidden = false;
    input.value = sessionStorage.getItem('musicemotion.apiKey') || '';
    api.setApiKey(input.value);
    input.addEventListener('input', () => {
      api.setApiKey(input.value);
      sessionStorage.setItem('musicemotion.apiKey', input.value);
    });
  }
  queue = new UploadQueue($('upload-list'), $('clear-uploads'), { maxBytes: info.maxUploadBytes, onAdded });
  await loadLibrary();
}

start();
