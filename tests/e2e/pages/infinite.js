// Runs in the page's own world, as news sites do: when the reader nears the end of a story, the
// next one is appended below it (with an ad between them), and the address and the title follow
// the story in view.
(function () {
  'use strict';
  const next = {
    id: 'story-2',
    url: '/news/library-sundays',
    title: 'Library to Open on Sundays After Council Vote',
    byline: 'By Tomas Reyes',
    paragraphs: [
      'The town library will open on Sunday afternoons from next month, after the council voted on Tuesday to pay for two more librarians. It will be the first time in its ninety years that the library has opened on a Sunday, and the reading room will stay open until five.',
      "The vote followed a petition signed by more than two thousand residents, many of them parents who said that Saturday mornings were too busy for the children's reading hour. The reading hour will now be held on Sunday afternoons as well as on Saturdays.",
      "Councillors who voted against the plan said the money would have been better spent on repairing the library's roof, which leaks over the local history room. The council said the roof would be repaired in the summer from a separate budget set aside last year.",
      'The library will also lend laptops on Sundays, for students who have nowhere quiet to work at home. Ten machines bought with a grant from a local charity will be available to borrow for the afternoon, and a volunteer will be on hand to help.',
      'Sunday opening will be tried for six months, and the council will count how many people come before deciding whether to keep it. The head librarian said she expected the afternoons to be busy from the first week, judging by the letters she had received.',
    ],
  };
  function append() {
    const more = document.getElementById('more');
    const ad = document.createElement('div');
    ad.className = 'a5d1';
    ad.innerHTML =
      '<span>Advertisement</span><iframe src="https://securepubads.g.doubleclick.net/frame" width="728" height="90"></iframe>';
    const story = document.createElement('article');
    story.className = 'st9';
    story.id = next.id;
    story.dataset.url = next.url;
    story.innerHTML =
      `<h1>${next.title}</h1><p class="byline">${next.byline}</p>` + next.paragraphs.map((p) => `<p>${p}</p>`).join('');
    more.before(ad, story);
    more.textContent = 'You have reached the end.';
    follow(story);
  }
  // The address and the title follow the story whose heading was passed last.
  const titles = new Map();
  const seen = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const story = entry.target;
        history.replaceState(null, '', story.dataset.url);
        document.title = `${titles.get(story)} | The Coastal Ledger`;
      }
    },
    { rootMargin: '-40% 0px -40% 0px' },
  );
  function follow(story) {
    titles.set(story, story.querySelector('h1').textContent);
    seen.observe(story);
  }
  follow(document.getElementById('story-1'));
  const sentinel = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      sentinel.disconnect();
      append();
    }
  });
  sentinel.observe(document.getElementById('more'));
})();
