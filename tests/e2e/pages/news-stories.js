// The stories of the e2e suites' single-page news apps (news-react.js, news-vue.js): read by the
// browser and, for server rendering, by the test server. Three languages, prose long enough to
// be an article.
(function (global) {
  'use strict';

  const TOPICS = [
    ['en', 'Harbour Ferry Returns After Winter Repairs', 'the harbour ferry', 'the crossing'],
    ['de', 'Neue Brücke über den Kanal eröffnet', 'die neue Brücke', 'der Verkehr'],
    ['es', 'El mercado de pescado vuelve a la aduana vieja', 'el mercado', 'los puestos'],
    ['en', 'Library Opens Its Reading Room at Night', 'the library', 'the reading room'],
    ['de', 'Stadtwerke bauen Solardächer auf Schulen', 'die Stadtwerke', 'die Schulen'],
    ['es', 'La orquesta juvenil gana el concurso nacional', 'la orquesta', 'los músicos'],
    ['en', 'Tram Line to the Old Port Carries Its First Million', 'the tram line', 'the old port'],
    ['de', 'Hafenfest zieht mehr Besucher an als je zuvor', 'das Hafenfest', 'die Besucher'],
    ['es', 'El ayuntamiento aprueba el nuevo parque junto al río', 'el ayuntamiento', 'el parque'],
    ['en', 'Shipyard Wins Order for Three Electric Ferries', 'the shipyard', 'the ferries'],
    ['de', 'Alte Sternwarte öffnet wieder für Schulklassen', 'die Sternwarte', 'die Klassen'],
    ['es', 'Los pescadores firman un acuerdo sobre las cuotas', 'los pescadores', 'las cuotas'],
  ];

  const SENTENCES = {
    en: (a, b, n) => [
      `Officials said on Monday that ${a} had met every target set for it this year, and that ${b} would be watched closely over the coming months by an independent panel of engineers and residents.`,
      `Residents who spoke at a public meeting in the town hall were mostly in favour, though several asked how ${b} would be paid for once the grant from the regional government runs out in two years.`,
      `The council's report, published on its website, runs to ${40 + n} pages and sets out the costs in detail, including the wages of the staff who will keep ${a} running on weekends and holidays.`,
      `A consultation on the next stage will open in the autumn, and the council has promised to publish every response it receives, along with its own answers, before it takes a final decision.`,
      `For now, ${a} is open every day from seven in the morning, and the first figures suggest that ${b} is busier than anyone had expected when the plans were first drawn up ten years ago.`,
    ],
    de: (a, b, n) => [
      `Die Verwaltung teilte am Montag mit, dass ${a} alle Ziele für dieses Jahr erreicht habe und ${b} in den kommenden Monaten von einem unabhängigen Gremium aus Ingenieuren und Anwohnern begleitet werde.`,
      `Die meisten Anwohner, die bei der Bürgerversammlung im Rathaus sprachen, waren dafür, doch einige fragten, wie ${b} bezahlt werden soll, wenn die Förderung des Landes in zwei Jahren ausläuft.`,
      `Der Bericht des Rates umfasst ${40 + n} Seiten und listet die Kosten im Einzelnen auf, darunter die Löhne der Mitarbeiter, die ${a} auch an Wochenenden und Feiertagen betreiben sollen.`,
      `Eine Anhörung zum nächsten Bauabschnitt beginnt im Herbst, und der Rat hat versprochen, jede Stellungnahme samt seiner eigenen Antwort zu veröffentlichen, bevor er endgültig entscheidet.`,
      `Vorerst ist ${a} jeden Tag ab sieben Uhr morgens geöffnet, und die ersten Zahlen zeigen, dass ${b} stärker genutzt wird, als bei der Planung vor zehn Jahren irgendjemand erwartet hatte.`,
    ],
    es: (a, b, n) => [
      `Las autoridades informaron el lunes de que ${a} ha cumplido todos los objetivos fijados para este año y de que ${b} será supervisado en los próximos meses por un comité independiente de vecinos.`,
      `La mayoría de los vecinos que intervinieron en la reunión pública del ayuntamiento se mostraron a favor, aunque varios preguntaron cómo se pagará ${b} cuando se acabe la subvención regional.`,
      `El informe municipal, publicado en su página web, tiene ${40 + n} páginas y detalla los costes, incluidos los sueldos del personal que mantendrá ${a} abierto los fines de semana y los festivos.`,
      `La consulta sobre la siguiente fase se abrirá en otoño, y el ayuntamiento ha prometido publicar todas las respuestas que reciba, junto con las suyas, antes de tomar una decisión definitiva.`,
      `Por ahora, ${a} abre todos los días desde las siete de la mañana, y las primeras cifras indican que ${b} tiene más público del que nadie esperaba cuando se dibujaron los planos hace diez años.`,
    ],
  };

  global.NEWS_STORIES = TOPICS.map(([lang, title, a, b], n) => ({
    id: n,
    lang,
    title,
    slug: title
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, ''),
    paragraphs: SENTENCES[lang](a, b, n),
  }));
})(globalThis);
