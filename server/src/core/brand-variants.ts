/**
 * Brands as writers spell them, as folding rules over the brand names of the data (no brand is listed by
 * hand): each rule adds lookup keys to a brand, or widens how it may be written. Each example is a test
 * (test/unit/brand-variants.test.ts).
 *
 *   « CORENITEC » → CO-RENITEC ; « Co Doliprane » → CODOLIPRANE ; « Dépo-Médrol » → DEPO-MEDROL ; « prend du Xanax » → XANAX
 */

export interface SpellingRule {
  rule: string;
  /** The brand as the data writes it. */
  brand: string;
  /** Texts, and the brand as written in each. */
  examples: [text: string, written: string][];
}

export const BRAND_SPELLINGS: SpellingRule[] = [
  { rule: 'trait d’union omis (les mots de la marque soudés)', brand: 'CO-RENITEC', examples: [['Sous CORENITEC depuis un an.', 'CORENITEC'], ['Le Corenitec est arrêté.', 'Corenitec']] },
  { rule: 'trait d’union écrit en espace', brand: 'CO-RENITEC', examples: [['Sous CO RENITEC depuis un an.', 'CO RENITEC']] },
  { rule: 'trait d’union ou espace ajouté entre un préfixe et une autre marque (CODOLIPRANE = CO + DOLIPRANE)', brand: 'CODOLIPRANE', examples: [['Il prend du CO-DOLIPRANE.', 'CO-DOLIPRANE'], ['Le Co Doliprane est arrêté.', 'Co Doliprane']] },
  { rule: 'accents ajoutés ou omis', brand: 'DEPO-MEDROL', examples: [['Une injection de Dépo-Médrol.', 'Dépo-Médrol']] },
  { rule: '® collé, espacé ou entre deux mots de la marque', brand: 'LYRICA', examples: [['Le Lyrica® est efficace.', 'Lyrica®'], ['Le LYRICA ® est efficace.', 'LYRICA ®']] },
  { rule: '® entre deux mots de la marque', brand: 'SYMBICORT TURBUHALER', examples: [['Le Symbicort® Turbuhaler matin et soir.', 'Symbicort® Turbuhaler']] },
  { rule: 'marque courte en Capitale initiale là où s’écrit un médicament (après un verbe de prise, avant une dose)', brand: 'XANAX', examples: [['Il prend du Xanax le soir.', 'Xanax'], ['Xanax 0,25 mg le soir.', 'Xanax']] },
];

/** Folded one-word keys of brands, for the prefix rule. */
const WORD = /^\p{L}+$/u;

/**
 * The extra lookup keys of each brand (by index): its hyphenated words soldered (« co-renitec » →
 * « corenitec »); a one-word brand that is a short prefix and another one-word brand of the data, split
 * there (« codoliprane » → « co doliprane »), unless the prefix is an ordinary word (« mon oflocet »).
 */
export function brandVariantKeys(keys: string[], isCommonWord: (word: string) => boolean): string[][] {
  const oneWord = new Set(keys.filter((k) => WORD.test(k)));
  return keys.map((key) => {
    const variants: string[] = [];
    const tokens = key.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (tokens.length > 1 && /\p{L}-\p{L}/u.test(key) && !/\s/.test(key)) {
      const soldered = tokens.join('');
      if (soldered.length >= 6 && !isCommonWord(soldered)) variants.push(soldered);
    }
    if (WORD.test(key)) {
      for (let i = 2; i <= 5; i++) {
        const prefix = key.slice(0, i), rest = key.slice(i);
        if (rest.length >= 5 && oneWord.has(rest) && !isCommonWord(prefix)) variants.push(`${prefix} ${rest}`);
      }
    }
    return variants;
  });
}
