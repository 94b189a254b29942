#!/usr/bin/env node
// Runs Spotify's Basic Pitch exactly as its npm package does (@spotify/basic-pitch 1.0.1: the TF.js graph model on
// TensorFlow.js's pure-JavaScript CPU backend, then its own JS post-processing), as the reference for
// MusicEmotion.Notes. Never uses tfjs-node (a native binary download).
//
//   cd training/notes/parity && npm ci --ignore-scripts      # node_modules/ stays here, git-ignored
//   node training/notes/parity/basic_pitch_reference.js <folder>
//       <folder>/clips.json lists {id, samples}: raw float32 little-endian mono samples at 22,050 Hz, written by
//       `NotesParity samples` (the C# side decodes each clip once, so both sides read the very same floats).
//       Writes per clip: <id>.reference.f32  every window's raw model outputs, window after window:
//                                            note [172×88], onset [172×88], contour [172×264] (float32)
//                        <id>.reference.json the reference's notes (outputToNotesPoly with its defaults,
//                                            addPitchBendsToNoteEvents, noteFramesToTime), in frames and seconds
//   node training/notes/parity/basic_pitch_reference.js --time <file.f32>
//       Times the whole reference transcription (model + notes) of one file, single-threaded as TF.js's CPU
//       backend is, and prints its wall and CPU time (docs/benchmarks.md).
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const bp = require('@spotify/basic-pitch');

const MODEL_DIR = path.join(path.dirname(require.resolve('@spotify/basic-pitch/package.json')), 'model');

async function loadModel() {
  // tf.loadGraphModel('file://...') needs tfjs-node; an IOHandler that hands over the same files does not.
  const json = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'model.json'), 'utf8'));
  const specs = [];
  const buffers = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(MODEL_DIR, p)));
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tf.loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
      userDefinedMetadata: json.userDefinedMetadata,
      weightSpecs: specs,
      weightData,
    }),
  });
}

function readSamples(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.length % 4 !== 0) throw new Error(`${file}: not float32 samples (${bytes.length} bytes)`);
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return new Float32Array(copy);
}

// The reference's whole transcription: evaluateModel (its windowing, trimming and stitching), then the notes with
// the package's defaults. `onWindow` sees each window's raw outputs (before trimming).
async function transcribe(basicPitch, samples, onWindow) {
  const original = basicPitch.evaluateSingleFrame.bind(basicPitch);
  basicPitch.evaluateSingleFrame = async (input, i) => {
    const results = await original(input, i);
    if (onWindow) onWindow(i, results);
    return results;
  };
  const frames = [];
  const onsets = [];
  const contours = [];
  await basicPitch.evaluateModel(samples, (f, o, c) => {
    frames.push(...f);
    onsets.push(...o);
    contours.push(...c);
  }, () => {});
  basicPitch.evaluateSingleFrame = original;
  // outputToNotesPoly's own defaults, spelled out: onsetThresh 0.5, frameThresh 0.3, minNoteLen 5, inferOnsets,
  // no frequency limits, melodiaTrick, energyTolerance 11. It changes `frames` and `onsets` in place (copies given).
  const frameEvents = bp.outputToNotesPoly(frames.map(r => r.slice()), onsets.map(r => r.slice()), 0.5, 0.3, 5, true, null, null, true, 11);
  const withBends = bp.addPitchBendsToNoteEvents(contours, frameEvents);
  const timed = bp.noteFramesToTime(withBends);
  return { frameCount: frames.length, frameEvents: withBends, timed };
}

async function parity(folder) {
  const clips = JSON.parse(fs.readFileSync(path.join(folder, 'clips.json'), 'utf8'));
  await tf.setBackend('cpu');
  const model = await loadModel();
  const basicPitch = new bp.BasicPitch(Promise.resolve(model));
  console.log(`TF.js ${tf.version.tfjs}, backend ${tf.getBackend()}, @spotify/basic-pitch ${require('@spotify/basic-pitch/package.json').version}`);
  for (const clip of clips) {
    const samples = readSamples(path.join(folder, clip.samples));
    const out = fs.openSync(path.join(folder, `${clip.id}.reference.f32`), 'w');
    let windows = 0;
    const started = process.hrtime.bigint();
    const result = await transcribe(basicPitch, samples, (i, [note, onset, contour]) => {
      for (const t of [note, onset, contour]) {
        const data = t.dataSync();
        fs.writeSync(out, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      }
      windows++;
    });
    fs.closeSync(out);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const notes = result.frameEvents.map((e, i) => ({
      startFrame: e.startFrame,
      durationFrames: e.durationFrames,
      pitch: e.pitchMidi,
      amplitude: e.amplitude,
      pitchBends: e.pitchBends,
      startSeconds: result.timed[i].startTimeSeconds,
      durationSeconds: result.timed[i].durationSeconds,
    }));
    const json = { id: clip.id, samples: samples.length, windows, frames: result.frameCount, notes };
    fs.writeFileSync(path.join(folder, `${clip.id}.reference.json`), JSON.stringify(json));
    console.log(`${clip.id}: ${samples.length} samples, ${windows} windows, ${result.frameCount} frames, ${notes.length} notes (${seconds.toFixed(1)} s)`);
  }
}

async function time(file) {
  await tf.setBackend('cpu');
  const model = await loadModel();
  const basicPitch = new bp.BasicPitch(Promise.resolve(model));
  const samples = readSamples(file);
  await transcribe(basicPitch, samples.subarray(0, 22050 * 3)); // warm-up (kernels compiled, weights uploaded)
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const result = await transcribe(basicPitch, samples);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const audio = samples.length / 22050;
  const load = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0] : '?';
  console.log(`reference (TF.js ${tf.version.tfjs} ${tf.getBackend()} backend, Node ${process.version}): ${audio.toFixed(1)} s of audio, ` +
    `${result.timed.length} notes, wall ${seconds.toFixed(2)} s = ${(audio / seconds).toFixed(2)}x real time, ` +
    `CPU ${cpuSeconds.toFixed(2)} s = ${(audio / cpuSeconds).toFixed(2)}x (load average ${load})`);
}

(async () => {
  const args = process.argv.slice(2);
  if (args[0] === '--time' && args.length === 2) {
    await time(args[1]);
  } else if (args.length === 1) {
    await parity(args[0]);
  } else {
    console.error('usage: basic_pitch_reference.js <folder with clips.json> | --time <file.f32>');
    process.exit(2);
  }
})().catch(e => {
  console.error(`basic_pitch_reference: ${e.stack || e}`);
  process.exit(1);
});
