// The upload queue: files dropped or chosen are sent two at a time, each with a progress bar, a state and, when the
// server refuses one, its reason. A busy server (503, or 429 for this client) is retried after the time it asks for, a few times.

import { ApiError, uploadFile } from './api.js';
import { bytes, el } from './format.js';

const PARALLEL = 2;
const RETRIES = 4;

export class UploadQueue {
  constructor(list, clearButton, { maxBytes, onAdded }) {
    this.list = list;
    this.clearButton = clearButton;
    clearButton.addEventListener('click', () => {
      this.list.querySelectorAll('.upload-item.done, .upload-item.failed').forEach((item) => item.remove());
      this.updateClear();
    });
    this.maxBytes = maxBytes;
    this.onAdded = onAdded;
    this.waiting = [];
    this.running = 0;
  }

  add(files) {
    for (const file of files) {
      const item = this.row(file);
      if (this.maxBytes && file.size > this.maxBytes) {
        this.fail(item, `Too large: ${bytes(file.size)}; the limit is ${bytes(this.maxBytes)}.`);
        continue;
      }
      if (file.size === 0) {
        this.fail(item, 'The file is empty.');
        continue;
      }
      this.waiting.push(item);
    }
    this.pump();
  }

  row(file) {
    const state = el('span', { class: 'state' }, 'waiting');
    const progress = el('progress', { max: 1, value: 0, 'aria-label': `Upload of ${file.name}` });
    const node = el('li', { class: 'upload-item' },
      el('div', { class: 'row' }, el('span', { class: 'name', title: file.name }, file.name), state),
      progress);
    this.list.prepend(node);
    return { file, node, state, progress, attempts: 0 };
  }

  pump() {
    while (this.running < PARALLEL && this.waiting.length > 0) {
      const item = this.waiting.shift();
      this.running++;
      this.send(item).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  async send(item) {
    item.attempts++;
    item.state.textContent = 'uploading 0%';
    try {
      const { status, track } = await uploadFile(
        item.file,
        (fraction) => {
          item.progress.value = fraction;
          item.state.textContent = `uploading ${Math.round(fraction * 100)}%`;
        },
        () => {
          item.progress.removeAttribute('value'); // indeterminate while the server analyses
          item.state.textContent = 'analysing…';
        });
      item.progress.value = 1;
      item.node.classList.add('done');
      item.state.textContent = status === 201 ? 'added' : 'already in the library';
      this.updateClear();
      this.onAdded(track, status === 201);
    } catch (error) {
      // Busy (503), or this browser already has as many uploads in progress as one client may (429): wait as asked.
      if (error instanceof ApiError && (error.status === 503 || error.status === 429) && item.attempts <= RETRIES) {
        const wait = Math.max(1, error.retryAfter || 2);
        item.state.textContent = `server busy, retrying in ${wait} s`;
        item.progress.value = 0;
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        return this.send(item);
      }
      this.fail(item, error.message);
    }
    return undefined;
  }

  fail(item, message) {
    item.node.classList.add('failed');
    item.state.textContent = 'failed';
    item.progress.value = 0;
    item.node.append(el('p', { class: 'error' }, message));
    this.updateClear();
  }

  updateClear() {
    this.clearButton.hidden = !this.list.querySelector('.upload-item.done, .upload-item.failed');
  }
}
