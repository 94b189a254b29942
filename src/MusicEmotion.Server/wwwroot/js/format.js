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

/** Bytes as KB / MB. */
export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
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
