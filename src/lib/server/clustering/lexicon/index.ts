// The concept lexicon's sources, one module per area of organisational life (see
// concept-lexicon.ts for the format). Written for this project from knowledge of the two
// languages and of how organisations describe their bottlenecks.
import people from './people';
import organisation from './organisation';
import business from './business';
import operations from './operations';
import supply from './supply';
import systems from './systems';
import projects from './projects';
import services from './services';

export const SOURCES: readonly string[] = [
	people,
	organisation,
	business,
	operations,
	supply,
	systems,
	projects,
	services
];
