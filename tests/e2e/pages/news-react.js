// A single-page news app in React 18, as sites build them: one route per story (/react/N), the
// story keyed by its route so that a route change unmounts the old one (React then removes the
// old route's nodes itself, decluttered blocks included), a "Most read" list re-rendered in a
// new order every 700 ms, server-rendered by the test server and hydrated here. Class names are
// hashed, as a CSS-in-JS build makes them. Runs in the browser and, for the server render, in
// Node (the test server); defines NewsReact.App.
(function (global) {
  'use strict';

  const React = global.React;
  const h = React.createElement;
  const STORIES = global.NEWS_STORIES;
  const story = (n) => STORIES[n % STORIES.length];

  function AdSlot({ n }) {
    return h(
      'div',
      { className: 'x7q2p', 'data-ad-unit': '/2231/harbour/story' },
      h('span', { className: 'k1m4z' }, 'Advertisement'),
      h('a', { href: `/ads/click?slot=${n}` }, h('img', { src: '/ad-banner.svg', width: 300, height: 250, alt: '' })),
    );
  }

  function Newsletter() {
    return h(
      'div',
      { className: 'b9v3c' },
      h('h3', null, 'Get the morning briefing'),
      h('p', null, 'Sign up for our free newsletter and never miss a story.'),
      h(
        'form',
        { action: '/newsletter', method: 'post', onSubmit: (event) => event.preventDefault() },
        h('input', { type: 'email', name: 'email', placeholder: 'Email address' }),
        h('button', { type: 'submit' }, 'Subscribe'),
      ),
    );
  }

  function Headlines({ title, from, className }) {
    return h(
      'aside',
      { className },
      h('h2', null, title),
      h(
        'ol',
        null,
        from.map((s) => h('li', { key: s.slug }, h('a', { href: `/react/${s.id}` }, s.title))),
      ),
    );
  }

  function Story({ n }) {
    const s = story(n);
    const [p0, p1, p2, p3, p4] = s.paragraphs;
    return h(
      'article',
      { className: 'r5t8w', lang: s.lang },
      h('h1', null, s.title),
      h('p', { className: 'y2u6i' }, 'By the City Desk'),
      h('p', null, p0),
      h('p', null, p1),
      h(AdSlot, { n }),
      h('p', null, p2),
      h('p', null, p3),
      h('p', null, p4),
    );
  }

  function routeOf(path) {
    const m = /\/react\/(\d+)$/.exec(path);
    return m === null ? 0 : Number(m[1]);
  }

  function App({ initial }) {
    const [n, setN] = React.useState(initial);
    const [tick, setTick] = React.useState(0);
    React.useEffect(() => {
      const timer = setInterval(() => setTick((t) => t + 1), 700);
      const onPop = () => setN(routeOf(location.pathname));
      addEventListener('popstate', onPop);
      return () => {
        clearInterval(timer);
        removeEventListener('popstate', onPop);
      };
    }, []);
    const next = () => {
      history.pushState(null, '', `/react/${n + 1}`);
      setN(n + 1);
    };
    const others = STORIES.filter((s) => s.id !== n % STORIES.length);
    const mostRead = others
      .slice(tick % others.length)
      .concat(others.slice(0, tick % others.length))
      .slice(0, 5);
    return h(
      'div',
      { className: 'a1z9e' },
      h(
        'header',
        { className: 'h3j7k' },
        h('a', { href: '/react/0' }, 'The Harbour Post'),
        h('button', { id: 'next', type: 'button', onClick: next }, 'Next story'),
      ),
      h('main', null, h(Story, { key: n, n }), h(Newsletter, { key: `newsletter-${n}` })),
      h(Headlines, { key: `trending-${n}`, title: 'Trending', from: others.slice(1, 6), className: 'm4r8t' }),
      h(Headlines, { title: 'Most read', from: mostRead, className: 'p0o9i' }),
    );
  }

  global.NewsReact = { App, routeOf };
})(globalThis);
