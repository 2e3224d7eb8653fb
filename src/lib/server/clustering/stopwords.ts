import noList from 'natural/lib/natural/util/stopwords_no.js';
import enList from 'natural/lib/natural/util/stopwords.js';

// Words that carry no theme in a workshop answer: they recur in almost every input ("we lack",
// "vi mangler", "the problem is") and would otherwise glue unrelated inputs together.
const WORKSHOP_FILLER_NB = `
vi oss vår våre vårt har hadde trenger trengs mangler manglende mangel mangelfull mangelen
problem problemer problemet problemene utfordring utfordringer utfordringen utfordrende
flaskehals flaskehalser flaskehalsen flaskehalsene største stor store storst liten lite litt mye
mer mest veldig ganske ofte alltid aldri noen gang ting tingene får få gjør gjøre gjort bør må
kanskje altså osv etc eks feks f.eks dårlig dårlige bedre god gode godt bra hos blant både
særlig spesielt generelt egentlig heller fortsatt enda akkurat tror mener synes føler
bedrift bedriften bedrifter firma firmaet selskap selskapet hele helt nok også mange
`;
const WORKSHOP_FILLER_EN = `
we us our ours need needs needed lack lacks lacking missing problem problems issue issues
challenge challenges challenging bottleneck bottlenecks biggest big small lot lots poor
bad better good enough always never often sometimes really just also thing things get getting
gets etc eg ie maybe think feel seems company companies firm hard difficult not no lack
`;

// Nynorsk and spoken forms of function words (natural's list is Bokmål): a word the Bokmål
// dictionary lacks would otherwise pass for a noun of its own and name a theme ("Ikkje").
const FUNCTION_WORDS_NN = `
eg dei deira dykk dykkar hennar ikkje ikkj inkje itj itte ittj isje noko nokon nokre nokor
kva kven kvar kvart kvifor korleis kor koss kossen åssen då berre mykje òg ein eit
frå utan sidan difor derfor vere vera vore vorte verte vert vart blei gjer gjere gjorde seier
sei fekk kjem kome gjekk veit visste heile heilt anna annan andre sjølv sjølve same slik sånn
ingenting fleire meir enno framleis att gong gonger æ ka kæ mæ dæ dæm døm kem nåkka nåkke
masse liksom kanskje vel jo ja nei
`;

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** One list for both languages: an input may mix them, and the overlap holds no workshop content. */
export const STOPWORDS: ReadonlySet<string> = new Set([
	...noList.words,
	...enList.words,
	...words(WORKSHOP_FILLER_NB),
	...words(FUNCTION_WORDS_NN),
	...words(WORKSHOP_FILLER_EN)
]);

export function isStopword(word: string): boolean {
	return word.length < 2 || STOPWORDS.has(word);
}
