// Vocabulary of score reports and evaluations: what their column headings, period labels, status
// words, test names and measure names look like. Data, not control flow: a new vendor's report is a
// row here (with where it was seen) and a test, not a new branch in the reader (scores.ts).

/** Column headings that name a kind of score, most specific first. */
export const SCORE_TYPE_HEADINGS: Array<{ re: RegExp; type: string; seen: string }> = [
  { re: /standard\s+score|\bSS\b|composite\s+score|index\s+score|\bst(?:n)?d\.?\s*score/i, type: 'standard_score', seen: 'WISC-V, WIAT-4, KTEA-3, CELF-5 score tables' },
  { re: /\bscaled\b|\bScS\b/i, type: 'scaled_score', seen: 'CELF-5 and WISC subtest tables' },
  { re: /scale\s+score/i, type: 'scale_score', seen: 'CAASPP, NYS Grades 3-8, i-Ready, STAAR' },
  { re: /\bT[- ]?score|^\s*T\s*$/i, type: 't_score', seen: 'BASC-3, Conners rating scales' },
  { re: /\bRIT\b/i, type: 'rit', seen: 'NWEA MAP Growth' },
  { re: /lexile/i, type: 'lexile', seen: 'MAP, SRI reading reports' },
  { re: /\bW[- ]?score\b/i, type: 'w_score', seen: 'Woodcock-Johnson IV' },
  { re: /z[- ]score/i, type: 'z_score', seen: 'neuropsychological summaries' },
  { re: /stanine/i, type: 'stanine', seen: 'group achievement tests (ITBS, CogAT)' },
  { re: /\bWCPM\b|\bCWPM\b|words\s+correct/i, type: 'wcpm', seen: 'DIBELS, Acadience and easyCBM fluency tables' },
  { re: /(?:overall\s+)?score|result/i, type: 'score', seen: 'benchmark screeners and comparison tables' },
  { re: /raw/i, type: 'raw_score', seen: 'evaluation appendices' },
  { re: /grade\s+equiv|\bGE\b/i, type: 'grade_equivalent', seen: 'WJ IV, KTEA-3 appendices' },
  { re: /age\s+equiv|\bAE\b/i, type: 'age_equivalent', seen: 'WJ IV, PPVT-5' },
];

/** Other column roles of a score table, by heading. */
export const COLUMN_HEADINGS = {
  percentile: /percentile|%\s*(?:ile|tile)\b|\bPR\b|\bNPR\b|\bpctl?\b|\bptile\b/i,
  ci: /confidence|\bCI\b|interval|\bband\b/i,
  level: /descript|categor|classif|level|status|range|qualitative|performance|proficien|benchmark|interpretation|quintile|achievement|band|^\s*rating\s*$/i,
  date: /date|administered|tested|assessed/i,
  // A change or difference between two administrations is not a score of either.
  change: /change|differen|\bgain\b|growth\s+(?:score|index)|\bminus\b|\bdiff\.?\b/i,
  name: /subtest|subject|measure|test|area|index|composite|domain|scale|cluster|skill|content|assessment|battery|component|strand/i,
  // "Test" over the column of test names when another column holds the measures (else it holds the measures).
  test: /^(?:test|assessment|instrument|battery)(?:\s+name)?$/i,
  // Which administration a row of a history table is (Lexile, MAP and DIBELS histories).
  administration: /^(?:administration|admin\.?|window|term|period|season|testing\s+window|benchmark\s+(?:period|window)|form|time\s+of\s+year)$/i,
};

/**
 * Score columns a table prints beside its main score, read only when no other score column is there:
 * a raw score, a sum of scaled scores, a W score, an age or grade equivalent (a cognitive battery's
 * "Sum of Scaled Scores | Composite Score", an achievement battery's "W | AE | GE | RPI | SS").
 */
export const SECONDARY_SCORE_HEADING = /\braw\b|\bsum\s+of\b|\bW(?:[- ]?score)?$|age\s+equiv|grade\s+equiv|^\s*(?:AE|GE)\s*$/i;

/**
 * A score's type printed in a cell of its own row ("Measure | Metric | Score | PR" summaries across
 * tests): the abbreviations and words score summaries use, whole cell.
 */
export const ROW_SCORE_TYPES: Array<{ re: RegExp; type: string }> = [
  { re: /^(?:SS|std\.?\s*score|standard(?:\s+score)?)$/i, type: 'standard_score' },
  { re: /^(?:ScS|SCS|scaled(?:\s+score)?|ss\s*\(scaled\))$/i, type: 'scaled_score' },
  { re: /^T(?:[- ]?score)?$/i, type: 't_score' },
  { re: /^(?:z(?:[- ]?score)?)$/i, type: 'z_score' },
  { re: /^(?:PR|%ile|percentile(?:\s+rank)?)$/i, type: 'percentile_rank' },
  { re: /^(?:RIT)$/i, type: 'rit' },
  { re: /^(?:raw(?:\s+score)?)$/i, type: 'raw_score' },
  { re: /^(?:GE|grade\s+equivalent)$/i, type: 'grade_equivalent' },
  { re: /^(?:AE|age\s+equivalent)$/i, type: 'age_equivalent' },
  { re: /^stanine$/i, type: 'stanine' },
];

/** A confidence level printed over its interval column ("95%" over "CI" on a two-line header): a heading, not a value. */
export const CONFIDENCE_LEVEL = /^(?:68|80|85|90|95|99)\s*%$/;

/** Score column headings too generic to name the measure of a history table. */
export const GENERIC_SCORE_HEADING = /^(?:(?:overall|total|standard|scaled|scale|raw|composite)\s+)?(?:score|result|SS|ScS)s?$/i;

/** Headings that say a level column only describes (it is not a score even when it says "score"). */
export const LEVEL_ONLY = /level|status|category|descript/i;

/**
 * Period labels that head one column (or a pair of columns) each: a benchmark window, a term, a school
 * year or an evaluation. The key links a column to a date printed elsewhere ("BOY: 09/19/2023").
 */
export const PERIOD_LABELS: Array<{ re: RegExp; key: string; seen: string }> = [
  { re: /\bBOY\b|beginning\s+of\s+(?:the\s+)?year/i, key: 'boy', seen: 'Acadience, DIBELS 8 benchmark reports' },
  { re: /\bMOY\b|middle\s+of\s+(?:the\s+)?year/i, key: 'moy', seen: 'Acadience, DIBELS 8 benchmark reports' },
  { re: /\bEOY\b|end\s+of\s+(?:the\s+)?year/i, key: 'eoy', seen: 'Acadience, DIBELS 8 benchmark reports' },
  { re: /\bfall\b/i, key: 'fall', seen: 'MAP Growth, aimswebPlus, FastBridge terms' },
  { re: /\bwinter\b/i, key: 'winter', seen: 'MAP Growth, aimswebPlus, FastBridge terms' },
  { re: /\bspring\b/i, key: 'spring', seen: 'MAP Growth, state tests' },
  { re: /\b(?:initial|previous|prior)\b/i, key: 'prior', seen: 'reevaluation comparison tables' },
  { re: /\b(?:current|present|this)\s+(?:evaluation|administration|testing)\b|\breevaluation\b/i, key: 'current', seen: 'reevaluation comparison tables' },
  { re: /\b(?:19|20)\d{2}\b/, key: 'year', seen: 'comparison tables with a column pair per year' },
  // Not periods but column groups all the same: the raters of a rating scale, each over its own columns.
  { re: /^(?:parent|caregiver|mother|father)(?:\s+(?:rating|report|form)s?)?\b/i, key: 'parent', seen: 'behaviour rating scales comparing raters side by side' },
  { re: /^teacher(?:\s+(?:rating|report|form)s?)?\b/i, key: 'teacher', seen: 'behaviour rating scales comparing raters side by side' },
  { re: /^self(?:[- ]report)?(?:\s+(?:rating|form)s?)?\b/i, key: 'self', seen: 'behaviour rating scales comparing raters side by side' },
];

/** A cell that says the measure was not given: no score. */
export const NOT_ASSESSED = /^(?:[-–—]+|n\/?a|not\s+(?:assessed|administered|given|tested|completed)|did\s+not\s+(?:test|attempt)|DNA|DNT|no\s+score|absent|\*+)$/i;

/** The start of a line that is a legend or note under a table, not a row of it. */
export const LEGEND_LINE = /^(?:status\s+key|key|legend|note[s]?|\*)\s*:/i;

/** Measure names that are never scores (rows of a benchmark grid that hold a recommendation). */
export const NOT_A_MEASURE = /^(?:likely\s+need|instructional\s+(?:recommendation|support)|recommend|total\s+(?:items|time)|notes?\b)/i;

/**
 * Published tests, as they are named in headings, captions and measure names. The first group of each
 * pattern is the name kept. Seen in evaluation reports, district assessment profiles and vendor reports.
 */
export const TEST_NAMES: RegExp[] = [
  /\b((?:WISC|WIAT|KTEA|CELF|CTOPP|BASC|GORT|TOWL|PPVT|EVT|KABC|DAS|TOWRE|Vineland|WPPSI|WAIS|TAPS|TOLD|CASL|BRIEF|Conners|OWLS|TILLS|CELF-P)[- ]?(?:[IVX]+|\d)?(?:\s+(?:Comprehensive|Brief)(?:,?\s+Form\s+[A-Z])?)?)(?![\w-])/,
  /\b(Woodcock[- ]Johnson(?:\s+(?:IV|V))?(?:\s+Tests\s+of\s+(?:Achievement|Cognitive\s+Abilities|Oral\s+Language))?)/,
  /\b(WJ[- ]?(?:IV|V)(?:\s+(?:ACH|COG|OL|Achievement|Cognitive))?)/,
  /\b(NWEA\s+MAP(?:\s+Growth)?|MAP\s+Growth)/,
  /\b(i-Ready(?:\s+Diagnostic)?)/i,
  /\b(STAR\s+(?:Reading|Math|Early\s+Literacy))/,
  /\b(DIBELS(?:\s+8(?:th\s+Edition)?)?)/,
  /\b(Acadience(?:®)?(?:\s+Reading)?(?:\s+K-6)?)/,
  /\b(aimswebPlus|aimsweb|FastBridge|easyCBM|mCLASS)/i,
  /\b(CAASPP(?:\s+Smarter\s+Balanced)?|Smarter\s+Balanced)/,
  /\b(NYS\s+Grades\s+3-8(?:\s+(?:Tests?|Assessments?))?|New\s+York\s+State\s+Testing\s+Program)/i,
  /\b(STAAR|MCAS|PARCC|NJSLA|FAST|ILEARN|LEAP|MAAP|MSAA|DLM|ELPAC|WIDA\s+ACCESS|TCAP|FSA|ISASP|CMAS|SBAC)\b/,
  // Any other edition-numbered battery: ABAS-3, TOPEL-2, BRIEF-2.
  /\b([A-Z]{2,6}-(?:[IVX]+|\d))(?![\w-])/,
];

/** Words that make a heading a test's name even when no known test is in it. */
export const TEST_WORDS = /\b(?:test|tests|testing|assessment|inventory|scale|scales|battery|screener|screening|benchmark|diagnostic|evaluation\s+of|achievement)\b/i;

/**
 * Canonical names beside the printed ones, so one measure reads the same across vendors, editions and
 * years (TestScore.alias): matched against the whole measure name as printed (test name in front
 * removed), first match wins. A measure the table does not know keeps no alias rather than a guess.
 */
export const MEASURE_ALIASES: Array<{ re: RegExp; alias: string; seen: string }> = [
  // State and district assessments, one subject each.
  { re: /^(?:grade\s+\d+\s+)?(?:english\s+language\s+arts|ELA)(?:\s*(?:\/|and)\s*literacy)?(?:\s+test)?$/i, alias: 'ELA', seen: 'CAASPP "English Language Arts/Literacy", NYS "Grade 3 English Language Arts"' },
  { re: /^(?:grade\s+\d+\s+)?math(?:ematics)?(?:\s+test)?$/i, alias: 'Mathematics', seen: 'state tests, MAP Growth' },
  { re: /^(?:grade\s+\d+\s+)?reading(?:\s+test)?$/i, alias: 'Reading', seen: 'MAP Growth, STAAR' },
  { re: /^(?:grade\s+\d+\s+)?science(?:\s+test)?$/i, alias: 'Science', seen: 'CAST, NYS Grade 4 and 8 Science, STAAR' },
  // Curriculum-based measures and screeners.
  { re: /^(?:ORF|DORF)(?:\s+words\s+correct)?$|^oral\s+reading\s+fluency$/i, alias: 'Oral Reading Fluency', seen: 'Acadience "ORF Words Correct", DIBELS 8, WIAT-4' },
  { re: /^(?:reading\s+)?composite(?:\s+score)?$|^reading\s+composite\s+score$/i, alias: 'Reading Composite', seen: 'Acadience, DIBELS 8' },
  // Individually given achievement batteries: the same skill under each publisher's name.
  { re: /^(?:word\s+reading|letter[- ]word\s+identification|letter\s*(?:&|and)\s*word\s+recognition)$/i, alias: 'Word Reading', seen: 'WIAT-4 "Word Reading", WJ IV "Letter-Word Identification", KTEA-3 "Letter & Word Recognition"' },
  { re: /^(?:pseudoword\s+decoding|word\s+attack|nonsense\s+word\s+decoding)$/i, alias: 'Pseudoword Decoding', seen: 'WIAT-4, WJ IV "Word Attack", KTEA-3 "Nonsense Word Decoding"' },
  { re: /^(?:reading|passage)\s+comprehension$/i, alias: 'Reading Comprehension', seen: 'WIAT-4, KTEA-3, WJ IV "Passage Comprehension"' },
  { re: /^(?:math(?:ematics)?\s+problem\s+solving|applied\s+problems|math\s+concepts\s*(?:&|and)\s*applications)$/i, alias: 'Math Problem Solving', seen: 'WIAT-4, WJ IV "Applied Problems", KTEA-3 "Math Concepts & Applications"' },
  { re: /^(?:numerical\s+operations|calculation|math\s+computation)$/i, alias: 'Math Computation', seen: 'WIAT-4 "Numerical Operations", WJ IV "Calculation", KTEA-3' },
  { re: /^spelling$/i, alias: 'Spelling', seen: 'WIAT-4, WJ IV, KTEA-3' },
  { re: /^written\s+expression$/i, alias: 'Written Expression', seen: 'KTEA-3, WIAT-III subtest' },
  // Cognitive and language batteries: composites by their usual abbreviations.
  { re: /^(?:full[- ]scale\s+IQ|FSIQ|general\s+intellectual\s+ability|GIA)(?:\s*\((?:FSIQ|GIA)\))?$/i, alias: 'Full Scale IQ', seen: 'WISC-V "Full Scale IQ (FSIQ)", WJ IV COG "General Intellectual Ability"' },
  { re: /^(?:verbal\s+comprehension(?:\s+index)?(?:\s*\(VCI\))?|VCI)$/i, alias: 'Verbal Comprehension', seen: 'WISC-V, WPPSI-IV, WAIS-IV' },
  { re: /^(?:working\s+memory(?:\s+index)?(?:\s*\(WMI\))?|WMI)$/i, alias: 'Working Memory', seen: 'WISC-V, WAIS-IV' },
  { re: /^(?:processing\s+speed(?:\s+index)?(?:\s*\(PSI\))?|PSI)$/i, alias: 'Processing Speed', seen: 'WISC-V, WAIS-IV' },
  { re: /^core\s+language(?:\s+score)?$/i, alias: 'Core Language', seen: 'CELF-5 "Core Language Score"' },
  { re: /^receptive\s+language(?:\s+index)?$/i, alias: 'Receptive Language', seen: 'CELF-5 "Receptive Language Index"' },
  { re: /^expressive\s+language(?:\s+index)?$/i, alias: 'Expressive Language', seen: 'CELF-5 "Expressive Language Index"' },
];
