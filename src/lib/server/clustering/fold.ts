// Norwegian typed without æ, ø and å (a phone with an English keyboard): "møte" becomes "mote"
// or "moete", "vær" "vaer", "på" "paa". Folding both sides the same way lets them meet.
export function fold(word: string): string {
	return word.replace(/æ|ae/gu, 'a').replace(/ø|oe/gu, 'o').replace(/å|aa/gu, 'a');
}
