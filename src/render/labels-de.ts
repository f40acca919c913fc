import type { Labels } from './labels.js';

export const DE: Labels = {
  likelyModule: 'Vermutliches Modul',
  bestGuess: 'Nicht sicher – beste Vermutung',
  confidence: 'Konfidenz',
  colon: ':',
  language: 'Sprache',
  languageName: 'Deutsch',
  scope: 'Ausführungsbereich',
  whatItDoes: 'Aufgabe des Moduls',
  steps: 'Prüfen und beheben',
  commands: 'Befehle',
  logs: 'Logs',
  docs: 'Dokumentation',
  openDocs: 'Doku öffnen',
  evidence: 'Grund',
  alsoCheck: 'Ebenfalls prüfen',
  otherCandidates: 'Weitere Kandidaten',
  showModule: 'Dieses Modul anzeigen',
  wasThisHelpful: 'Hat das geholfen?',
  helpful: 'Hilfreich',
  notIt: 'Passt nicht',
  thanksHelpful: 'Danke, als hilfreich vermerkt.',
  thanksNotIt: 'Danke, vermerkt. Formulieren Sie es anders oder wählen Sie ein Modul aus `list`.',
  whichModule: 'Welches Modul war es?',
  candidatesGroup: 'Vorschläge',
  allModulesGroup: 'Alle Module',
  correctionSubmit: 'Speichern',
  correctionNotYours: 'Nur wer „Passt nicht“ gewählt hat, kann angeben, welches Modul es war.',
  correctionThanks: (module: string) => `Danke: vermerkt, dass es ${module} war. Das hilft dem Bot beim Lernen.`,
  youAsked: 'Ihre Frage',
  caution: 'Achtung',
  instanceFrom: {
    flag: (name: string) => `Instanz ${name}, aus --instance.`,
    message: (name: string) => `Instanz ${name}, aus Ihrer Nachricht.`,
    default: (name: string) => `Instanz ${name}, die konfigurierte Standardinstanz.`,
  },
  instanceMissing: {
    chat: 'Keine Instanz genannt, daher zeigen die Befehle <instance>. Nennen Sie sie in Ihrer Nachricht, z. B. "mta@prod" oder "auf der Instanz prod".',
    cli: 'Keine Instanz genannt, daher zeigen die Befehle <instance>. Geben Sie --instance NAME an, setzen Sie CAMPAIGN_INSTANCE oder nennen Sie sie in der Frage.',
  },
  instanceRuledOut: {
    chat: (names: string) => `Sie haben ${names} ausgeschlossen, daher zeigen die Befehle <instance>. Nennen Sie die betroffene Instanz in Ihrer Nachricht.`,
    cli: (names: string) =>
      `Sie haben ${names} ausgeschlossen, daher zeigen die Befehle <instance>. Geben Sie --instance NAME an oder nennen Sie die betroffene Instanz in der Frage.`,
  },
  instanceHost: {
    chat: (host: string, environment: string) =>
      `Ihre Nachricht nennt den Host ${host}, dessen Name auf ${environment} deutet, daher zeigen die Befehle <instance>. Nennen Sie die Instanz in Ihrer Nachricht, z. B. "mta@${environment}".`,
    cli: (host: string, environment: string) =>
      `Ihre Nachricht nennt den Host ${host}, dessen Name auf ${environment} deutet, daher zeigen die Befehle <instance>. Ist das die Instanz, geben Sie --instance ${environment} an.`,
  },
  instanceMaybe: {
    chat: (names: string) =>
      `Ihre Nachricht nennt ${names}; das kann ein Host statt einer Instanz sein, daher zeigen die Befehle <instance>. Ist es die Instanz, schreiben Sie "mta@${names}" oder "auf der Instanz ${names}".`,
    cli: (names: string) =>
      `Ihre Nachricht nennt ${names}; das kann ein Host statt einer Instanz sein, daher zeigen die Befehle <instance>. Ist es die Instanz, geben Sie --instance ${names} an.`,
  },
  instanceOthers: (names: string) => `Ihre Nachricht nennt auch ${names}; die Befehle gelten für die Instanz oben.`,
  instanceUnknown: (name: string) => `${name} ist keine der konfigurierten Instanzen: Prüfen Sie den Namen, bevor Sie etwas ausführen.`,
  listingAllRunning: 'Alle erwarteten Module in der eingefügten Liste laufen.',
  listingMissing: (names: string) => `In der eingefügten Liste fehlt: ${names}`,
  typedCommand: (typed: string, english: string) =>
    `nlserver versteht nur seine englischen Befehle: Geben Sie \`${english}\` ein, nicht \`${typed}\` (manche übersetzte Seiten der Dokumentation übersetzen auch die Befehle).`,
  notCampaignTitle: 'Kein passendes Campaign-Modul',
  notCampaign:
    'Das sieht nicht nach einem Problem mit einem Modul von Adobe Campaign Classic aus, oder die Angaben reichen nicht für eine Aussage. Beschreiben Sie das Symptom (was steht still, welcher Fehler erscheint), fügen Sie die Ausgabe von `nlserver pdump` oder `nlserver monitor -missing` ein oder nennen Sie ein Modul.',
  howToTitle: 'Eine Frage zur Bedienung oder Einrichtung von Campaign',
  howTo:
    'Das klingt nach einer Frage zur Bedienung oder Einrichtung von Campaign, nicht nach einem ausgefallenen Modul, daher nenne ich kein nlserver-Modul. Am besten hilft die Dokumentation zu Campaign Classic:',
  searchDocs: 'In der Campaign-Classic-Doku suchen',
  askedDocs: 'Fragen Sie eher, wie man etwas einrichtet oder bedient, als dass etwas ausgefallen ist? Dann hilft die Campaign-Classic-Doku vielleicht besser:',
  howToFits: (module: string) => `Falls doch etwas ausfällt, beginnen Sie mit ${module}.`,
  outsideDependent: (module: string) => `Davon abhängiges Modul: ${module}`,
  outsideNamed: (module: string) =>
    `Ihre Nachricht nennt ${module}: Dort zeigt sich der Fehler, er ist nicht die Ursache. Beheben Sie zuerst dies; erholt sich ${module} danach nicht, prüfen Sie es.`,
  listTitle: 'Module von Campaign Classic',
  helpTitle: 'Triage für Campaign-Module',
  help: 'Beschreiben Sie, was nicht funktioniert, und ich nenne Ihnen das nlserver-Modul, das Sie sich ansehen sollten, mit den passenden Prüfungen und Befehlen.',
  helpExamples: ['E-Mails gehen nicht mehr raus', 'Workflows hängen in Start in progress', 'xtk:session-Fehler in der Konsole', 'mta', 'list'],
  empty: 'Nennen Sie mir das Symptom, zum Beispiel: E-Mails gehen nicht mehr raus.',
  tooLong: (max: string) => `Diese Nachricht ist zu lang (über ${max}). Fügen Sie stattdessen die Fehlerzeilen und das Ende des Logs ein.`,
  noText: 'In dieser Nachricht habe ich keine Wörter gefunden. Beschreiben Sie das Symptom in einem Satz.',
  allClear:
    'Das sieht nach einer Entwarnung aus (Recovery- oder Behoben-Meldung): Es gibt nichts einzugrenzen. Ist das Problem wieder da, fragen Sie mich noch einmal mit dem Symptom.',
  alreadyAnswered: 'Auf diese Nachricht habe ich schon geantwortet: Die Antwort steht in ihrem Thread.',
  ownAnswer: 'Das ist meine eigene Antwort: Starten Sie Ask campaign-module auf der Nachricht, die das Problem meldet.',
  moduleType: {
    mono: 'Mono-Instanz: ein Prozess pro Instanz; Angabe als module@instance',
    multi: 'Multi-Instanz: ein Prozess bedient alle Instanzen; kein @instance nötig',
    utility: 'Werkzeug: arbeitet, wenn ein Workflow oder ein Befehl es aufruft',
  },
  error: 'Beim Beantworten ist bei mir etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.',
  listHint: 'Wählen Sie ein Modul, um seine Karte zu sehen, oder tippen Sie seinen Namen.',
  examplesTitle: 'Probieren Sie zum Beispiel',
  detailsTrimmed: 'Einige Details wurden weggelassen, damit alles in Teams passt; den Rest finden Sie in der Doku unten.',
  welcomeTitle: 'Hallo! Ich helfe Ihnen herauszufinden, welches Campaign-Modul Probleme macht.',
  notInChannel:
    'Nur für Sie sichtbar: Ich bin kein Mitglied dieses Channels und kann daher nicht im Thread antworten. Laden Sie mich mit `/invite @campaign-module` ein, dann antworte ich beim nächsten Mal dort.',
  missingScope: (scopes: string) =>
    `Ich kann diesen Thread nicht lesen: Dieser Slack-App wurde ${scopes} nicht gewährt. Bitten Sie einen Workspace-Admin, die Berechtigung hinzuzufügen und die App neu zu installieren, oder schreiben Sie das Symptom hinter meinen Namen.`,
  promptQuit: '(zum Beenden: beenden oder Strg-D)',
  threadAnswered: 'Diesen Thread habe ich oben schon beantwortet, und seitdem kam nichts Neues zu Campaign. Erwähnen Sie mich mit dem neuen Symptom, falls es eines gibt.',
  threadUnreadable:
    'Ich konnte diesen Thread gerade nicht lesen und weiß daher nicht, worum es geht: Schreiben Sie das Symptom hinter meinen Namen, z. B. @campaign-module Mails hängen seit 9 Uhr.',
  alertStorm: (count: number, since: string) => `${count} ähnliche Alarme seit ${since} UTC, hier einmal beantwortet.`,
  homeWaysTitle: 'So fragen Sie',
  homeWays: [
    '`/campaign-module <Symptom>` in einem beliebigen Channel.',
    '`@campaign-module <Symptom>` in einem Channel, in dem ich Mitglied bin. In einem Thread genügt `@campaign-module` allein, dann lese ich den Thread für Sie.',
    '*Ask campaign-module* im ⋯-Menü einer Nachricht (Weitere Aktionen) diagnostiziert diese Nachricht, auch Alarme anderer Bots.',
    'Oder schreiben Sie mir direkt, im Tab Nachrichten.',
  ],
  homeInstancesTitle: 'Instanzen',
  homeInstanceDefault: (name: string) => `Die Befehle verwenden *${name}*, sofern Ihre Nachricht keine andere Instanz nennt.`,
  homeInstanceNone: 'Es ist keine Standardinstanz konfiguriert: Nennen Sie sie in Ihrer Nachricht (`mta@prod`, "auf der Instanz prod").',
  homeInstancesKnown: (names: string) => `Instanzen, die ich in einer Nachricht erkenne: ${names}`,
  homeAlerts: (channels: string) => `Ich lese Monitoring-Alarme in ${channels} und antworte im jeweiligen Thread, wenn sie ein Modul nennen.`,
};
