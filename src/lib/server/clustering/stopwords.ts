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

// Nynorsk and spoken function words that the Bokmål dictionary lacks: unknown to it, they would
// pass for nouns of their own and name a theme ("Ikkje"). Those it knows ("kor", "ja") are left
// to the part-of-speech check; "anna" it knows only as a name, "kvar" ("kvar dag") only as a
// rare adjective.
const FUNCTION_WORDS_NN = `
eg dei deira dykkar hennar ikkje ikkj inkje itj itte ittj isje noko nokon nokre nokor kva
kvifor korleis berre mykje ein eit frå utan sidan difor vere vera vore verte gjer gjere fekk
kome annan anna sjølv sjølve fleire meir enno ka kæ mæ dæ dæm kem nåkka nåkke kvar kvart
kvarandre ho medan saman einast einaste teke desse deim sjeldan
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
