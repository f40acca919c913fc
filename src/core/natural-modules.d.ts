// natural's main entry loads database drivers and dotenv as a side effect (>1 s), so the core imports
// its submodules directly; these paths ship no type declarations of their own.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(a: string, b: string, options?: { ignoreCase?: boolean }): number;
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(a: string, b: string, options?: { transposition_cost?: number }): number;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(options: { pattern: RegExp; gaps?: boolean });
    tokenize(text: string): string[];
  }
}
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  export default class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    addDocument(text: string | string[], label: string): void;
    train(): void;
    classify(text: string | string[]): string;
    getClassifications(text: string | string[]): { label: string; value: number }[];
  }
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_de.js' {
  const PorterStemmerDe: { stem(token: string): string };
  export default PorterStemmerDe;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const PorterStemmerFr: { stem(token: string): string };
  export default PorterStemmerFr;
}
declare module 'natural/lib/natural/stemmers/stemmer_ja.js' {
  const StemmerJa: { stem(token: string): string };
  export default StemmerJa;
}
declare module 'natural/lib/natural/util/stopwords_fr.js' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords_ja.js' {
  export const words: string[];
}
declare module 'natural/lib/natural/tokenizers/tokenizer_ja.js' {
  export default class TokenizerJa {
    tokenize(text: string): string[];
  }
}
