import type { Labels } from './labels.js';

export const FR: Labels = {
  likelyModule: 'Module probable',
  bestGuess: 'Pas sûr — meilleure hypothèse',
  confidence: 'Confiance',
  colon: '\u00a0:',
  language: 'Langue',
  languageName: 'français',
  scope: "Périmètre d'exécution",
  whatItDoes: 'Rôle du module',
  steps: 'Vérifications et actions',
  commands: 'Commandes',
  logs: 'Logs',
  docs: 'Documentation',
  openDocs: 'Ouvrir la documentation',
  evidence: 'Éléments retenus',
  alsoCheck: 'À vérifier aussi',
  otherCandidates: 'Autres pistes',
  showModule: 'Afficher ce module',
  wasThisHelpful: 'Cette réponse vous a-t-elle aidé ?',
  helpful: 'Utile',
  notIt: "Ce n'est pas ça",
  thanksHelpful: 'Merci, noté comme utile.',
  thanksNotIt: "Merci, c'est noté. Reformulez, ou choisissez un module dans `list`.",
  whichModule: "De quel module s'agissait-il ?",
  candidatesGroup: 'Suggestions',
  allModulesGroup: 'Tous les modules',
  correctionSubmit: 'Enregistrer',
  correctionNotYours: "Seule la personne qui a voté « Ce n'est pas ça » peut dire de quel module il s'agissait.",
  correctionThanks: (module: string) => `Merci : noté qu'il s'agissait de ${module}. Cela aide le bot à apprendre.`,
  youAsked: 'Votre question',
  caution: 'Attention',
  instanceFrom: {
    flag: (name: string) => `Instance ${name}, d'après --instance.`,
    message: (name: string) => `Instance ${name}, d'après votre message.`,
    default: (name: string) => `Instance ${name}, celle configurée par défaut.`,
  },
  instanceMissing: {
    chat: "Aucune instance indiquée : les commandes affichent <instance>. Précisez-la dans votre message, par exemple « mta@prod » ou « sur l'instance prod ».",
    cli: 'Aucune instance indiquée : les commandes affichent <instance>. Passez --instance NAME, définissez CAMPAIGN_INSTANCE ou nommez-la dans la question.',
  },
  instanceRuledOut: {
    chat: (names: string) => `Vous avez écarté ${names} : les commandes affichent <instance>. Précisez l'instance en panne dans votre message.`,
    cli: (names: string) => `Vous avez écarté ${names} : les commandes affichent <instance>. Passez --instance NAME ou nommez l'instance en panne dans la question.`,
  },
  instanceHost: {
    chat: (host: string, environment: string) =>
      `Votre message cite l'hôte ${host}, dont le nom désigne ${environment} : les commandes affichent <instance>. Précisez l'instance dans votre message, par exemple « mta@${environment} ».`,
    cli: (host: string, environment: string) =>
      `Votre message cite l'hôte ${host}, dont le nom désigne ${environment} : les commandes affichent <instance>. Si c'est l'instance, passez --instance ${environment}.`,
  },
  instanceMaybe: {
    chat: (names: string) =>
      `Votre message cite ${names}, qui peut être un hôte plutôt qu'une instance : les commandes affichent <instance>. Si c'est l'instance, écrivez « mta@${names} » ou « sur l'instance ${names} ».`,
    cli: (names: string) =>
      `Votre message cite ${names}, qui peut être un hôte plutôt qu'une instance : les commandes affichent <instance>. Si c'est l'instance, passez --instance ${names}.`,
  },
  instanceOthers: (names: string) => `Votre message cite aussi ${names} ; les commandes portent sur l'instance ci-dessus.`,
  instanceUnknown: (name: string) => `${name} ne fait pas partie des instances configurées : vérifiez le nom avant de lancer quoi que ce soit.`,
  listingAllRunning: 'Tous les modules attendus dans la liste collée tournent.',
  listingMissing: (names: string) => `Absents de la liste collée : ${names}`,
  typedCommand: (typed: string, english: string) =>
    `nlserver ne comprend que ses commandes en anglais : tapez \`${english}\`, pas \`${typed}\` (certaines pages traduites de la documentation traduisent aussi les commandes).`,
  notCampaignTitle: 'Aucun module Campaign ne correspond',
  notCampaign:
    "Cela ne ressemble pas à un problème de module Adobe Campaign Classic, ou c'est trop vague pour trancher. Décrivez le symptôme (ce qui s'est arrêté, l'erreur affichée), collez la sortie de `nlserver pdump` ou de `nlserver monitor -missing`, ou nommez un module.",
  howToTitle: "Une question sur l'utilisation ou la configuration de Campaign",
  howTo:
    "Il s'agit plutôt d'une question sur l'utilisation ou la configuration de Campaign que d'une panne de module : aucun module nlserver n'est désigné. La documentation Campaign Classic est la meilleure source pour y répondre :",
  searchDocs: 'Rechercher dans la documentation Campaign Classic',
  askedDocs: "Vous demandez plutôt comment faire ou configurer quelque chose qu'une panne ? La documentation Campaign Classic y répondra peut-être mieux :",
  howToFits: (module: string) => `Si quelque chose est réellement en panne, commencez par ${module}.`,
  outsideDependent: (module: string) => `Module qui en dépend : ${module}`,
  outsideNamed: (module: string) =>
    `Votre message cite ${module} : l'erreur s'y montre, il n'en est pas la cause. Réglez d'abord ce problème ; si ${module} ne repart pas ensuite, vérifiez-le.`,
  listTitle: 'Modules Campaign Classic',
  helpTitle: 'Diagnostic des modules Campaign',
  help: 'Décrivez ce qui ne fonctionne pas : je vous indique le module nlserver à examiner, avec les vérifications et les commandes à lancer.',
  helpExamples: ['les e-mails ne partent plus', 'workflows bloqués en Start in progress', 'erreur xtk:session dans la console', 'mta', 'list'],
  empty: 'Décrivez le symptôme, par exemple : les e-mails ne partent plus.',
  tooLong: (max: string) => `Message trop long pour être lu (plus de ${max}). Collez plutôt les lignes d'erreur et la fin du log.`,
  noText: "Je n'ai trouvé aucun mot dans ce message. Décrivez le symptôme en une phrase.",
  allClear:
    "Ce message ressemble à une fin d'alerte (rétablissement ou résolution) : il n'y a rien à diagnostiquer. Si le problème revient, reposez-moi la question en décrivant le symptôme.",
  alreadyAnswered: "J'ai déjà répondu à ce message : la réponse est dans son fil.",
  ownAnswer: "C'est ma propre réponse : lancez Ask campaign-module sur le message qui signale le problème.",
  moduleType: {
    mono: 'Mono-instance : un processus par instance ; à désigner sous la forme module@instance',
    multi: 'Multi-instance : un seul processus sert toutes les instances ; pas besoin de @instance',
    utility: 'Utilitaire : travaille quand un workflow ou une commande l’appelle',
  },
  error: 'Un problème est survenu de mon côté pendant la réponse. Réessayez dans un instant.',
  listHint: 'Sélectionnez un module pour afficher sa fiche, ou tapez son nom.',
  examplesTitle: 'Essayez par exemple',
  detailsTrimmed: 'Certains détails ont été omis pour tenir dans Teams ; la documentation ci-dessous donne le reste.',
  welcomeTitle: 'Bonjour ! Je vous aide à trouver quel module Campaign pose problème.',
  notInChannel:
    'Vous seul voyez ce message : je ne suis pas membre de ce canal, je ne peux donc pas répondre dans le fil. Invitez-moi avec `/invite @campaign-module` et je répondrai dans le fil la prochaine fois.',
  missingScope: (scopes: string) =>
    `Je ne peux pas lire ce fil : cette app Slack n'a pas reçu ${scopes}. Demandez à un admin de l'espace de travail de l'ajouter et de réinstaller l'app, ou écrivez le symptôme après mon nom.`,
  promptQuit: '(pour quitter : quitter ou Ctrl-D)',
  threadAnswered: "J'ai déjà répondu plus haut dans ce fil, et rien de nouveau sur Campaign depuis. Mentionnez-moi avec le nouveau symptôme s'il y en a un.",
  threadUnreadable:
    "Je n'ai pas pu lire ce fil pour le moment, je ne sais donc pas de quoi il s'agit : écrivez le symptôme après mon nom, par exemple @campaign-module les mails sont bloqués depuis 9 h.",
  alertStorm: (count: number, since: string) => `${count} alertes de ce type depuis ${since} UTC, une seule réponse ici.`,
  homeWaysTitle: 'Comment me poser une question',
  homeWays: [
    "`/campaign-module <symptôme>` dans n'importe quel canal.",
    '`@campaign-module <symptôme>` dans un canal où je suis présent. Dans un fil, `@campaign-module` seul me fait lire le fil.',
    "*Ask campaign-module* dans le menu ⋯ (Plus d'actions) de n'importe quel message diagnostique ce message, alertes d'autres bots comprises.",
    'Ou écrivez-moi directement, dans mon onglet Messages.',
  ],
  homeInstancesTitle: 'Instances',
  homeInstanceDefault: (name: string) => `Les commandes utilisent *${name}* sauf si votre message nomme une autre instance.`,
  homeInstanceNone: "Aucune instance par défaut n'est configurée : indiquez-la dans votre message (`mta@prod`, « sur l'instance prod »).",
  homeInstancesKnown: (names: string) => `Instances que je reconnais dans un message : ${names}`,
  homeAlerts: (channels: string) => `Je lis les alertes de supervision dans ${channels} et je réponds dans leur fil quand elles nomment un module.`,
};
