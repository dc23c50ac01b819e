// Hydrates the server-rendered news app (news-react.js); recoverable hydration errors are kept
// for the test in window.__hydrationErrors.
/* global React, ReactDOM, NewsReact */
(function () {
  'use strict';
  window.__hydrationErrors = [];
  ReactDOM.hydrateRoot(
    document.getElementById('root'),
    React.createElement(NewsReact.App, { initial: NewsReact.routeOf(location.pathname) }),
    { onRecoverableError: (error) => window.__hydrationErrors.push(String(error?.message ?? error)) },
  );
  window.__appReady = true;
})();
