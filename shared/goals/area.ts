// A skill area guessed from a goal's words, for goals whose form prints no "Area of Need".
// Ordered: the first matching area wins, so specific skills come before broad ones.
const AREAS: Array<[string, RegExp]> = [
  ['Reading Fluency', /\b(?:wcpm|words? correct per minute|fluen(?:cy|tly)|read(?:s|ing)? aloud|oral reading|orf)\b/i],
  ['Reading Comprehension', /\b(?:comprehension|main idea|inferen(?:ce|tial)|retell|summari[sz]e|key details|author'?s purpose|literal)\b/i],
  ['Basic Reading Skills', /\b(?:decod(?:e|ing)|phonics|letter[- ]sounds?|sight words?|phonemic|phonological|blend(?:s|ing)?|syllables?|cvc)\b/i],
  ['Keyboarding / Assistive Technology', /\b(?:typ(?:e|ing)|keyboard(?:ing)?|speech-to-text|assistive technology)\b/i],
  ['Fine Motor', /\b(?:handwriting|fine motor|cut(?:ting)?|scissors|grasp|legib\w*|letter formation)\b/i],
  ['Written Expression', /\b(?:writ(?:e|es|ing|ten)|sentences?|paragraphs?|essays?|capitali[sz]ation|punctuation|spell(?:ing)?|compose)\b/i],
  ['Math Problem Solving', /\b(?:word problems?|problem[- ]solving|story problems?)\b/i],
  ['Math Calculation', /\b(?:math|addition|subtraction|multiplication|division|add|subtract|multiply|divide|fractions?|decimals?|regrouping|computation|calculat\w*|math facts?|number sense|counting|coins?|money)\b/i],
  ['Speech and Language', /\b(?:mlu|mean length of utterance|morphemes?|articulat\w*|phonemes?|speech sounds?|\/[a-z]{1,2}\/|expressive|receptive|vocabulary|language|fluency of speech|stutter\w*|pragmatic)\b/i],
  ['Social Skills', /\b(?:peers?|social|conversation|turn[- ]taking|greet(?:s|ing)?|friends?|cooperative)\b/i],
  ['Behavior', /\b(?:aggress\w*|elope\w*|elopement|tantrums?|outbursts?|disrupt\w*|comply|compliance|refus\w*|self-regulat\w*|coping|calm(?:ing)?|behavior\w*|incidents?)\b/i],
  ['Attention / Work Habits', /\b(?:on[- ]task|attention|attend|work habits|focus|task completion|organi[sz]ation|initiate|redirect\w*|assignments?|planner|homework)\b/i],
  ['Gross Motor', /\b(?:gross motor|balance|hop|jump|stairs|ball skills)\b/i],
  ['Independent Living / Transition', /\b(?:self-care|hygiene|vocational|employment|transition|independent living|daily living|community)\b/i],
];

export function guessArea(text: string): string | null {
  for (const [area, re] of AREAS) if (re.test(text)) return area;
  return null;
}
