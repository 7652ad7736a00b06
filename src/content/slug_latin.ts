// Dari and Pashto in Latin letters, for newsrooms whose addresses must stay ASCII (the slugScript setting): each
// letter to its usual romanization (خ kh, ش sh, ښ x, ځ dz, ...). The short vowels are not written in the script, so
// they are not in the result either ("خبرهای مهاجرت" -> "khbrhay mhajrt"); it reads as an abbreviation, stable.
const LETTERS: Record<string, string> = {
  'ا': 'a', 'آ': 'a', 'أ': 'a', 'إ': 'e', 'ب': 'b', 'پ': 'p', 'ت': 't', 'ټ': 't', 'ث': 's', 'ج': 'j', 'چ': 'ch', 'ح': 'h',
  'خ': 'kh', 'څ': 'ts', 'ځ': 'dz', 'د': 'd', 'ډ': 'd', 'ذ': 'z', 'ر': 'r', 'ړ': 'r', 'ز': 'z', 'ژ': 'zh', 'ږ': 'g', 'س': 's',
  'ش': 'sh', 'ښ': 'x', 'ص': 's', 'ض': 'z', 'ط': 't', 'ظ': 'z', 'ع': '', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ک': 'k', 'ك': 'k',
  'ګ': 'g', 'گ': 'g', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ڼ': 'n', 'و': 'w', 'ؤ': 'w', 'ه': 'h', 'ة': 'a', 'ۀ': 'ah', 'ی': 'y',
  'ي': 'i', 'ى': 'a', 'ې': 'e', 'ۍ': 'ay', 'ئ': 'y', 'ء': '',
};

/** The text with Dari and Pashto letters in Latin ones and Persian digits in ASCII; anything else as it was. */
export function latinLetters(text: string): string {
  return text.replace(/[\u0600-\u06ff]/g, (c) => {
    const digit = '۰۱۲۳۴۵۶۷۸۹'.indexOf(c);
    if (digit >= 0) return String(digit);
    const arabicDigit = '٠١٢٣٤٥٦٧٨٩'.indexOf(c);
    if (arabicDigit >= 0) return String(arabicDigit);
    return LETTERS[c] ?? c;
  });
}
