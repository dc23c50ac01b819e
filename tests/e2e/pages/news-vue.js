// The news app of news-react.js in Vue 3: a route per story (/vue/N) keyed so that a route change
// unmounts the old one, a "Most read" list re-rendered in a new order every 700 ms, server-
// rendered by the test server and hydrated here (createSSRApp). Runs in the browser and in Node;
// defines NewsVue.App.
(function (global) {
  'use strict';

  const { h, ref, onMounted, onBeforeUnmount, defineComponent } = global.Vue;
  const STORIES = global.NEWS_STORIES;
  const story = (n) => STORIES[n % STORIES.length];

  function adSlot(n) {
    return h('div', { class: 'v7q2p', 'data-ad-unit': '/2231/hafen/artikel' }, [
      h('span', { class: 'v1m4z' }, 'Advertisement'),
      h('a', { href: `/ads/click?slot=${n}` }, [h('img', { src: '/ad-banner.svg', width: 300, height: 250, alt: '' })]),
    ]);
  }

  function newsletter(n) {
    return h('div', { class: 'v9v3c', key: `newsletter-${n}` }, [
      h('h3', 'Newsletter'),
      h('p', 'Melden Sie sich für unseren kostenlosen Newsletter an.'),
      h('form', { action: '/newsletter', method: 'post', onSubmit: (event) => event.preventDefault() }, [
        h('input', { type: 'email', name: 'email', placeholder: 'E-Mail-Adresse' }),
        h('button', { type: 'submit' }, 'Abonnieren'),
      ]),
    ]);
  }

  function headlines(title, from, cls, key) {
    return h('aside', { class: cls, key }, [
      h('h2', title),
      h(
        'ol',
        from.map((s) => h('li', { key: s.slug }, [h('a', { href: `/vue/${s.id}` }, s.title)])),
      ),
    ]);
  }

  function storyView(n) {
    const s = story(n);
    const [p0, p1, p2, p3, p4] = s.paragraphs;
    return h('article', { class: 'v5t8w', lang: s.lang, key: n }, [
      h('h1', s.title),
      h('p', { class: 'v2u6i' }, 'Von der Stadtredaktion'),
      h('p', p0),
      h('p', p1),
      adSlot(n),
      h('p', p2),
      h('p', p3),
      h('p', p4),
    ]);
  }

  function routeOf(path) {
    const m = /\/vue\/(\d+)$/.exec(path);
    return m === null ? 0 : Number(m[1]);
  }

  const App = defineComponent({
    props: { initial: { type: Number, default: 0 } },
    setup(props) {
      const n = ref(props.initial);
      const tick = ref(0);
      let timer = null;
      const onPop = () => (n.value = routeOf(location.pathname));
      onMounted(() => {
        timer = setInterval(() => tick.value++, 700);
        addEventListener('popstate', onPop);
      });
      onBeforeUnmount(() => {
        clearInterval(timer);
        removeEventListener('popstate', onPop);
      });
      const next = () => {
        history.pushState(null, '', `/vue/${n.value + 1}`);
        n.value++;
      };
      return () => {
        const others = STORIES.filter((s) => s.id !== n.value % STORIES.length);
        const shift = tick.value % others.length;
        const mostRead = others.slice(shift).concat(others.slice(0, shift)).slice(0, 5);
        return h('div', { class: 'v1z9e' }, [
          h('header', { class: 'v3j7k' }, [
            h('a', { href: '/vue/0' }, 'Der Hafenbote'),
            h('button', { id: 'next', type: 'button', onClick: next }, 'Nächster Artikel'),
          ]),
          h('main', [storyView(n.value), newsletter(n.value)]),
          headlines('Trending', others.slice(1, 6), 'v4r8t', `trending-${n.value}`),
          headlines('Meistgelesen', mostRead, 'v0o9i', 'most-read'),
        ]);
      };
    },
  });

  global.NewsVue = { App, routeOf };
})(globalThis);
