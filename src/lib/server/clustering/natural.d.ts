// Shims for the few deep imports we take from `natural`. The package's top-level entry loads
// dotenv and writes to stdout, so only these CommonJS files are ever imported.
declare module 'natural/lib/natural/stemmers/porter_stemmer_no.js' {
	const stemmer: { stem(token: string): string };
	export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
	const stemmer: { stem(token: string): string };
	export default stemmer;
}
declare module 'natural/lib/natural/util/stopwords_no.js' {
	const list: { words: string[] };
	export default list;
}
declare module 'natural/lib/natural/util/stopwords.js' {
	const list: { words: string[] };
	export default list;
}
