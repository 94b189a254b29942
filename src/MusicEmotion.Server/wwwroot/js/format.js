// Small text formatters shared by the page's modules.

export const QUADRANTS = {
  Q1: 'happy/excited',
  Q2: 'angry/tense',
  Q3: 'sad/depressed',
  Q4: 'calm/relaxed',
};

/** Seconds as m:ss (h:mm:ss from an hour). */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** A value with its sign and two decimals: +0.42, −0.13 (a real minus sign). */
export function signed(value, digits = 2) {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return (value < 0 ? '\u2212' : '+') + text;
}

/** Bytes in binary units: B, KiB, MiB, GiB (a no-break space keeps the number with its unit). */
export function bytes(n) {
  if (n < 1024) return `${n}\u00a0B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)}\u00a0KiB`;
  if (n < 1024 * 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))}\u00a0MiB`;
  return `${Number((n / (1024 * 1024 * 1024)).toFixed(1))}\u00a0GiB`;
}

/** Words a library search matches a mood by: each quadrant's names and its label (Q1…Q4). */
export const MOOD_WORDS = {
  Q1: ['q1', 'happy', 'excited', 'joyful', 'energetic', 'positive'],
  Q2: ['q2', 'angry', 'tense', 'anxious', 'aggressive'],
  Q3: ['q3', 'sad', 'depressed', 'sombre', 'somber', 'melancholic'],
  Q4: ['q4', 'calm', 'relaxed', 'peaceful', 'gentle'],
};

/** Text folded for searching: lower case, accents removed. */
export function fold(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The quadrant of a point (0 counts as positive, as the service counts). */
export function quadrantOf(arousal, valence) {
  if (arousal >= 0) return valence >= 0 ? 'Q1' : 'Q2';
  return valence >= 0 ? 'Q4' : 'Q3';
}

/** Creates an element with attributes and children (strings become text nodes; never parsed as HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
