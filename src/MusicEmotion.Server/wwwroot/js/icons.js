// Small inline SVG icons (drawn here, so the page needs no emoji or icon font).

const SVG = 'http://www.w3.org/2000/svg';

// A thumb (pointing up) in a 24 × 24 box: the cuff on the left, the fist, the thumb raised.
const THUMB = 'M8 10.2 11.6 3.4c1.5-.3 2.8.8 2.6 2.4L13.7 9h5.6c1.5 0 2.6 1.4 2.2 2.9l-1.8 7.2c-.3 1.1-1.3 1.9-2.4 1.9H8Z';

/** A thumbs-up ('up') or thumbs-down ('down') icon, decorative (the button carries the label). */
export function thumbIcon(direction) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const group = document.createElementNS(SVG, 'g');
  if (direction === 'down') group.setAttribute('transform', 'rotate(180 12 12)');
  const cuff = document.createElementNS(SVG, 'rect');
  for (const [name, value] of Object.entries({ x: 2, y: 10, width: 4.2, height: 11, rx: 1 })) cuff.setAttribute(name, value);
  const hand = document.createElementNS(SVG, 'path');
  hand.setAttribute('d', THUMB);
  group.append(cuff, hand);
  svg.append(group);
  return svg;
}
