// The reader view's toolbar: one row of buttons (contents, text settings, read aloud, save,
// hide part of the page, close) with the reading time left and a progress bar under it, and the panels its buttons
// open. One Tab stop: the arrow keys, Home and End move between its buttons (a roving
// tabindex, as WAI-ARIA's toolbar pattern has it). On a narrow screen the buttons show their
// icons only, and the bar gets out of the way while the reader scrolls down.
import { el, icon } from './element.js';
import { FONTS, THEMES } from './settings.js';

const ICONS = {
  contents: 'M3 5h2v2H3zm4 0h14v2H7zM3 11h2v2H3zm4 0h14v2H7zm-4 6h2v2H3zm4 0h14v2H7z',
  settings: 'M9.6 4h2.2l5.6 15h-2.3l-1.4-4H7.7l-1.4 4H4zm-1.2 9h5.1L11 5.9zM18 11h2v3h3v2h-3v3h-2v-3h-3v-2h3z',
  listen:
    'M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4M14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6',
  save: 'M11 3h2v10.2l3.6-3.6 1.4 1.4-6 6-6-6 1.4-1.4 3.6 3.6zM4 19h16v2H4z',
  pick: 'M12 7a5 5 0 0 1 5 5c0 .65-.13 1.26-.36 1.83l2.92 2.92A11.8 11.8 0 0 0 23 12c-1.73-4.39-6-7.5-11-7.5-1.4 0-2.74.25-3.98.7l2.16 2.16C10.74 7.13 11.35 7 12 7M2 4.27l2.28 2.28.46.46A11.8 11.8 0 0 0 1 12c1.73 4.39 6 7.5 11 7.5 1.55 0 3.03-.3 4.38-.84l.42.42L19.73 22 21 20.73 3.27 3zm5.53 5.53 1.55 1.55A3 3 0 0 0 9 12a3 3 0 0 0 3 3c.22 0 .44-.03.65-.08l1.55 1.55A5 5 0 0 1 7 12c0-.79.2-1.53.53-2.2m4.31-.78 3.15 3.15.02-.16a3 3 0 0 0-3-3z',
  close: 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z',
};
// Steps of the text settings' buttons (the bounds are settings.js's).
export const STEPS = { size: 1, width: 5, lineHeight: 0.1 };
// Panels that drop down from the toolbar: one open at a time.
const DROPDOWNS = ['settings', 'save'];

function toolButton({ action, panel, label, iconPath, controls, shortcut }) {
  return el(
    'button',
    {
      type: 'button',
      class: 'tool',
      'data-action': action,
      'data-panel': panel ?? null,
      'aria-expanded': controls ? 'false' : null,
      'aria-controls': controls ?? null,
      'aria-keyshortcuts': shortcut ?? null,
      title: label,
      tabindex: '-1',
    },
    icon(iconPath),
    el('span', { class: 'label' }, label),
  );
}

function settingsPanel({ t }) {
  const choice = (key, values, labelKey) =>
    el(
      'div',
      { class: 'group', role: 'group', 'aria-label': t(labelKey) },
      el('span', { class: 'group-label', 'aria-hidden': 'true' }, t(labelKey)),
      ...values.map((value) =>
        el(
          'button',
          { type: 'button', 'data-set': key, 'data-value': value, class: key === 'font' ? `face-${value}` : null },
          t(`${labelKey}_${value}`),
        ),
      ),
    );
  const stepper = (key, label, down, up) =>
    el(
      'div',
      { class: 'group', role: 'group', 'aria-label': t(label) },
      el('span', { class: 'group-label', 'aria-hidden': 'true' }, t(label)),
      el('button', { type: 'button', 'data-step': key, 'data-value': '-1', 'aria-label': t(down) }, '−'),
      el('span', { class: 'value', 'data-shows': key, 'aria-live': 'polite' }),
      el('button', { type: 'button', 'data-step': key, 'data-value': '1', 'aria-label': t(up) }, '+'),
    );
  return el(
    'div',
    { class: 'panel dropdown', id: 'panel-settings', role: 'group', 'aria-label': t('readerTextSettings'), hidden: '' },
    choice('theme', THEMES, 'readerTheme'),
    choice('font', FONTS, 'readerFont'),
    stepper('size', 'readerSize', 'readerSizeDown', 'readerSizeUp'),
    stepper('width', 'readerWidth', 'readerWidthDown', 'readerWidthUp'),
    stepper('lineHeight', 'readerLineHeight', 'readerLineHeightDown', 'readerLineHeightUp'),
  );
}

function savePanel({ t }, { markdown }) {
  const item = (action, label) => el('button', { type: 'button', 'data-action': action }, t(label));
  return el(
    'div',
    { class: 'panel dropdown', id: 'panel-save', role: 'group', 'aria-label': t('readerSave'), hidden: '' },
    markdown ? item('save-markdown', 'readerSaveMarkdown') : '',
    item('save-html', 'readerSaveHtml'),
    markdown ? item('copy-markdown', 'readerCopyMarkdown') : '',
    item('print', 'readerPrint'),
  );
}

/**
 * The bar at the top of the view: the toolbar, the time left, the progress bar, and the panels
 * of text settings and of saving. `contents`: the article has a contents panel; `listen`: the
 * browser can read aloud; `markdown`: the core gave the article as Markdown; `canPick`: parts of
 * the page can be hidden by hand from here (the view closes for the picker).
 */
export function makeBar(words, { contents, listen, markdown, canPick }) {
  const { t } = words;
  const tools = [
    contents && { action: 'panel', panel: 'contents', label: t('readerContents'), controls: 'panel-contents' },
    { action: 'panel', panel: 'settings', label: t('readerTextSettings'), controls: 'panel-settings' },
    listen && { action: 'listen', label: t('readerListen'), controls: 'narrate', shortcut: 'R' },
    { action: 'panel', panel: 'save', label: t('readerSave'), controls: 'panel-save' },
    canPick && { action: 'pick', label: t('menuPick') },
  ].filter(Boolean);
  const buttons = tools.map((tool) => toolButton({ ...tool, iconPath: ICONS[tool.panel ?? tool.action] }));
  const close = toolButton({ action: 'close', label: t('readerClose'), iconPath: ICONS.close, shortcut: 'Escape' });
  close.classList.add('close');
  buttons[0].tabIndex = 0;
  const toolbar = el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': t('readerToolbar') },
    ...buttons,
    el('span', { class: 'time-left' }),
    close,
  );
  const progress = el('div', {
    class: 'progress',
    role: 'progressbar',
    'aria-label': t('readerProgress'),
    'aria-valuemin': '0',
    'aria-valuemax': '100',
    'aria-valuenow': '0',
  });
  return el('div', { class: 'bar' }, toolbar, progress, settingsPanel(words), savePanel(words, { markdown }));
}

/** Moves the toolbar's one Tab stop to `button` and focuses it. */
export function rove(toolbar, button) {
  for (const b of toolbar.querySelectorAll('button')) b.tabIndex = b === button ? 0 : -1;
  button.focus();
}

/** Arrow keys, Home and End inside the toolbar; true when the key was one of them. */
export function onToolbarKey(event, toolbar) {
  const buttons = Array.from(toolbar.querySelectorAll('button:not([hidden])'));
  const at = buttons.indexOf(event.target);
  if (at < 0) return false;
  const rtl = getComputedStyle(toolbar).direction === 'rtl';
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
  let to = null;
  if (step !== undefined) to = buttons[(at + step + buttons.length) % buttons.length];
  else if (event.key === 'Home') to = buttons[0];
  else if (event.key === 'End') to = buttons[buttons.length - 1];
  if (to === null) return false;
  rove(toolbar, to);
  return true;
}

/**
 * Opens or closes the panel `name` (`open`: true, false, or undefined to toggle); a dropdown
 * closes the other one. Returns whether it is open.
 */
export function setPanel(root, name, open) {
  const panel = root.getElementById(`panel-${name}`);
  if (panel === null) return false;
  const show = open ?? panel.hidden;
  if (show && DROPDOWNS.includes(name)) {
    for (const other of DROPDOWNS) if (other !== name) setPanel(root, other, false);
  }
  panel.hidden = !show;
  root.querySelector(`[data-panel="${name}"]`)?.setAttribute('aria-expanded', String(show));
  return show;
}

/** The dropdown that is open, or null. */
export function openDropdown(root) {
  return DROPDOWNS.find((name) => root.getElementById(`panel-${name}`)?.hidden === false) ?? null;
}

/** The text settings as the panel shows them: which choices are pressed, the steppers' values. */
export function showSettings(root, settings, { number }) {
  for (const b of root.querySelectorAll('[data-set]')) {
    b.setAttribute('aria-pressed', String(settings[b.dataset.set] === b.dataset.value));
  }
  const shown = {
    size: `${number(settings.size)} px`,
    width: number(settings.width),
    lineHeight: number(Number(settings.lineHeight.toFixed(1))),
  };
  // (Not `data-value-of`: `dataset.valueOf` is Object.prototype's in Firefox's content scripts.)
  for (const v of root.querySelectorAll('[data-shows]')) v.textContent = shown[v.dataset.shows];
}
