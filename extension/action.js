// What the toolbar button (the manifest's `action`) shows for a tab, from its content script's
// status: the badge counts the blocks taken off the page, and the icon turns active while
// tidyread has decluttered the page or its reader view is open.

// The build renders these from icons/tidyread.svg (scripts/icons.mjs); `idle` is also the
// manifest's action.default_icon, which a tab shows until its page reports.
export const ACTION_ICONS = Object.freeze({
  idle: Object.freeze({ 16: 'icons/tidyread-16.png', 32: 'icons/tidyread-32.png' }),
  active: Object.freeze({ 16: 'icons/tidyread-active-16.png', 32: 'icons/tidyread-active-32.png' }),
});

// Nothing when decluttering is off for the site (the content script then reports enabled: false)
// or nothing was removed.
const decluttered = (status) => status.enabled && status.removals > 0;

export function badgeText(status) {
  return decluttered(status) ? String(status.removals) : '';
}

export function actionIcon(status) {
  return decluttered(status) || status.readerOpen ? ACTION_ICONS.active : ACTION_ICONS.idle;
}
