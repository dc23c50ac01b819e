// Outlines elements of the page: what the popup points at, what the picker would hide. The boxes
// live in a closed shadow root of an element of ours, fixed over the page and never in the way of
// the pointer, and follow their elements as the page scrolls or resizes.

export const OUTLINE_TAG = 'tidyread-outline';

const CSS = `:host { all: initial !important; position: fixed !important; inset: 0 !important;
  pointer-events: none !important; z-index: 2147483646 !important; display: block !important; }
.box { position: fixed; box-sizing: border-box; border: 3px solid #0060df; border-radius: 3px;
  background: rgb(0 96 223 / 0.12); box-shadow: 0 0 0 1px #fff; }`;

let host = null;
let layer = null;
let targets = [];
let frame = 0;

function place() {
  frame = 0;
  const boxes = [...layer.children];
  targets.forEach((element, i) => {
    const r = element.getBoundingClientRect();
    Object.assign(boxes[i].style, {
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  });
}

function schedule() {
  if (frame === 0 && host !== null) frame = requestAnimationFrame(place);
}

/** Outlines `elements` (none: takes the outlines away); `scroll`: brings the first into view. */
export function outline(elements, { scroll = false } = {}) {
  targets = elements.filter((element) => element.isConnected);
  if (targets.length === 0) {
    clear();
    return;
  }
  if (host === null) {
    host = document.createElement(OUTLINE_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    layer = document.createElement('div');
    shadow.append(style, layer);
    addEventListener('scroll', schedule, { capture: true, passive: true });
    addEventListener('resize', schedule, { passive: true });
  }
  if (!host.isConnected) document.documentElement.append(host);
  layer.replaceChildren(...targets.map(() => Object.assign(document.createElement('div'), { className: 'box' })));
  if (scroll) targets[0].scrollIntoView({ block: 'center', behavior: 'instant' });
  place();
}

export function clear() {
  targets = [];
  if (host === null) return;
  removeEventListener('scroll', schedule, { capture: true });
  removeEventListener('resize', schedule);
  cancelAnimationFrame(frame);
  frame = 0;
  host.remove();
  host = null;
}
