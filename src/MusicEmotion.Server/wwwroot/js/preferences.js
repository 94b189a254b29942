// Liked and disliked songs, kept in this browser (localStorage) so they survive a reload.

const KEY = 'musicemotion.preferences';

export class Preferences {
  constructor() {
    this.liked = new Set();
    this.disliked = new Set();
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) || '{}');
      (saved.liked || []).forEach((id) => this.liked.add(id));
      (saved.disliked || []).forEach((id) => this.disliked.add(id));
    } catch {
      // A damaged entry starts afresh.
    }
  }

  /** 'liked', 'disliked' or null. */
  of(id) {
    if (this.liked.has(id)) return 'liked';
    if (this.disliked.has(id)) return 'disliked';
    return null;
  }

  /** Sets or clears (when already set) a song's mark. */
  toggle(id, mark) {
    const current = this.of(id);
    this.liked.delete(id);
    this.disliked.delete(id);
    if (current !== mark) (mark === 'liked' ? this.liked : this.disliked).add(id);
    this.save();
  }

  /** Forgets songs that left the library. */
  keepOnly(ids) {
    for (const set of [this.liked, this.disliked]) {
      for (const id of [...set]) if (!ids.has(id)) set.delete(id);
    }
    this.save();
  }

  save() {
    try {
      localStorage.setItem(KEY, JSON.stringify({ liked: [...this.liked], disliked: [...this.disliked] }));
    } catch {
      // Private mode or full storage: the marks last for this visit.
    }
  }
}
