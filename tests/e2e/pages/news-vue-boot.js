// Hydrates the server-rendered news app (news-vue.js); Vue's warnings and errors are kept for the
// test in window.__hydrationErrors.
/* global Vue, NewsVue */
(function () {
  'use strict';
  window.__hydrationErrors = [];
  const app = Vue.createSSRApp(NewsVue.App, { initial: NewsVue.routeOf(location.pathname) });
  app.config.errorHandler = (error) => window.__hydrationErrors.push(String(error?.message ?? error));
  app.config.warnHandler = (message) => window.__hydrationErrors.push(message);
  app.mount('#app');
  window.__appReady = true;
})();
